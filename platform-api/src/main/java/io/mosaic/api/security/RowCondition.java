package io.mosaic.api.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition a grant puts on the rows it gives, over a field of the granted form: {@code eq} (the field's value) or
 * {@code contains} (one of a multi-value field's values) compared with {@code value}, a literal or, written
 * {@code $<form>.<field>}, a field of the reader's own dealer's record of that form (the reader's dealer record,
 * {@code $dealer.level}). With {@code orBlank} a record whose field is blank passes too: "no target levels" means
 * every level.
 */
public record RowCondition(String field, String op, String value, boolean orBlank) {

    public static final String EQ = "eq";
    public static final String CONTAINS = "contains";

    /** {@code $form.field}: keys as definitions spell them. */
    private static final Pattern READER = Pattern.compile("^\\$([a-z][a-z0-9_]{0,47})\\.([a-z][a-z0-9_]{0,47})$");

    /** The form and field of a {@code $form.field} value, or null for a literal. */
    public String[] readerField() {
        Matcher matcher = READER.matcher(value);
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }

    /** Whether a value written with a leading {@code $} is a well-formed {@code $form.field}. */
    public static boolean wellFormed(String value) {
        return !value.startsWith("$") || READER.matcher(value).matches();
    }
}
