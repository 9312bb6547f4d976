package io.mosaic.form.file;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File names as a client sends them made fit to show and to offer as a download name. A name is only ever shown:
 * files are stored under ids ({@link FileStore}), so this is about what a person sees, not about paths.
 */
public final class FileNames {

    /** What a record's file reference allows (see the record schema). */
    public static final int MAX_LENGTH = 255;
    /** Extensions longer than this are not kept whole when a long name is shortened. */
    private static final int MAX_EXTENSION_LENGTH = 16;
    private static final String UNSAFE = "\\/:*?\"<>|";
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    /**
     * The last path segment of {@code name} in NFC; without control and invisible formatting characters (a
     * right-to-left override could make {@code gpj.exe} read as {@code exe.jpg}); with {@code \ / : * ? " < > |} as
     * {@code _}, runs of white space as one space, no dots or spaces at either end; at most {@value #MAX_LENGTH}
     * characters keeping the extension; {@code file} when nothing is left.
     */
    public static String sanitize(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        text = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!clean.isEmpty() && clean.charAt(clean.length() - 1) != ' ') {
                    clean.append(' ');
                }
            } else if (UNSAFE.indexOf(c) >= 0) {
                clean.append('_');
            } else if (shown(c)) {
                clean.appendCodePoint(c);
            }
        });
        String trimmed = clean.toString().replaceAll("^[. ]+|[. ]+$", "");
        return trimmed.isEmpty() ? FALLBACK : shorten(trimmed);
    }

    /** The extension of {@code name} in lower case with its dot ({@code .png}); empty when it has none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static boolean shown(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String extension = extension(name);
        if (extension.length() > MAX_EXTENSION_LENGTH) {
            extension = "";
        }
        String base = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        return base.substring(0, base.offsetByCodePoints(0, keep)) + name.substring(name.length() - extension.length());
    }
}
