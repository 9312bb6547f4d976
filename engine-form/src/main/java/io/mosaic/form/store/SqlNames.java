package io.mosaic.form.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Table, column and index names of form storage, built only from validated definition keys.
 *
 * <p>A form's table is {@code f_<app>_<form>}, a sub-table's {@code f_<app>_<form>__<subtable>}. That
 * readable name is used only when it cannot be produced by another (app, form, sub-table): when the
 * app key holds no {@code _} and the form key holds no {@code __} and does not end in {@code _}
 * (otherwise app {@code a_b} with form {@code c} and app {@code a} with form {@code b_c} would share a
 * table), and when it fits MySQL's 64-character limit. Any other name is shortened to its first 53
 * characters plus {@code $} and ten hex digits of the SHA-256 of {@code app/form[/subtable]}. Keys
 * never hold {@code $}, so a shortened name cannot meet a readable one. The history table's name
 * ends in {@code $h}, which is not ten hex digits either.
 */
public final class SqlNames {

    /** MySQL's (and MariaDB's) limit for table, column and index names. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,47}$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z][a-z0-9_$]{0,63}$");
    private static final int HASH_DIGITS = 10;

    private SqlNames() {
    }

    public static String table(String app, String form) {
        return formTable(app, form, "f_" + key(app) + "_" + key(form), app + "/" + form);
    }

    public static String childTable(String app, String form, String subtable) {
        return formTable(app, form, "f_" + key(app) + "_" + key(form) + "__" + key(subtable),
                app + "/" + form + "/" + subtable);
    }

    /**
     * The field history of a form's records, {@code f_<app>_<form>$h}: {@code $} is in no key, so no
     * sub-table's name can be this one (a sub-table {@code h} is {@code f_<app>_<form>__h}).
     */
    public static String historyTable(String app, String form) {
        return formTable(app, form, "f_" + key(app) + "_" + key(form) + "$h", app + "/" + form + "$h");
    }

    /**
     * The serial number counters of a form's records, {@code f_<app>_<form>$seq}: one row per serial
     * field and period key, named apart from sub-tables like {@link #historyTable}.
     */
    public static String sequenceTable(String app, String form) {
        return formTable(app, form, "f_" + key(app) + "_" + key(form) + "$seq", app + "/" + form + "$seq");
    }

    /** {@code path} names the table unambiguously ({@code /} is in no key), so it is what gets hashed. */
    private static String formTable(String app, String form, String readable, String path) {
        boolean ambiguous = app.contains("_") || form.contains("__") || form.endsWith("_");
        return ambiguous || readable.length() > MAX_LENGTH ? hashed(readable, path) : readable;
    }

    /**
     * An index on {@code column} (the first of its columns) of {@code table}. H2 keeps index names
     * per schema rather than per table, so the table is part of the name; {@code $} separates the
     * parts because table and column names may both hold {@code _}.
     */
    public static String index(boolean unique, String table, String column) {
        return fit((unique ? "ux$" : "ix$") + identifier(table) + "$" + identifier(column));
    }

    /** Whether {@code index} is one of the names {@link #index} gives, i.e. managed by schema sync. */
    public static boolean isManagedIndex(String index) {
        return index.startsWith("ix$") || index.startsWith("ux$");
    }

    /** A column name for a field key. */
    public static String column(String fieldKey) {
        return key(fieldKey);
    }

    /** {@code name} in backticks, which both MySQL and H2 in MySQL mode read as a quoted identifier. */
    public static String quote(String name) {
        return "`" + identifier(name) + "`";
    }

    /** A key as the definition schema allows it; anything else never reaches SQL text. */
    static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a definition key: '" + key + "'");
        }
        return key;
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a storage identifier: '" + name + "'");
        }
        return name;
    }

    private static String fit(String readable) {
        return readable.length() <= MAX_LENGTH ? readable : hashed(readable, readable);
    }

    private static String hashed(String readable, String path) {
        int keep = Math.min(readable.length(), MAX_LENGTH - 1 - HASH_DIGITS);
        return readable.substring(0, keep) + "$" + sha256(path).substring(0, HASH_DIGITS);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
