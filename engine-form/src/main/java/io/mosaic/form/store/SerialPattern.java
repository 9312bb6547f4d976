package io.mosaic.form.store;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serial field's pattern, e.g. {@code DO-{yyyy}-{seq:6}}, as checked by {@code FormKind}: literal
 * text, date parts and one sequence part. Numbers count per period key, the pattern with its date
 * parts filled in ({@code DO-2026-{seq}}), so a pattern with {@code {yyyy}} starts again at 1 each
 * year and one without date parts never does. The sequence width is left out of the key: widening
 * it in a new form version keeps counting.
 */
record SerialPattern(String pattern) {

    static final int MAX_PERIOD_KEY_LENGTH = 255;
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final String SEQUENCE = "{seq}";

    /** The counter this pattern uses on {@code date}. */
    String periodKey(LocalDate date) {
        return fill(date, SEQUENCE, 0);
    }

    /** Number {@code seq} on {@code date}, zero-padded to the sequence width (longer numbers are kept whole). */
    String format(LocalDate date, long seq) {
        return fill(date, null, seq);
    }

    /** The pattern with date parts filled; the sequence part becomes {@code sequence}, or the padded {@code seq} if null. */
    private String fill(LocalDate date, String sequence, long seq) {
        Matcher token = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String name = token.group(1);
            String part = switch (name) {
                case "yyyy" -> String.format("%04d", date.getYear());
                case "yy" -> String.format("%02d", date.getYear() % 100);
                case "MM" -> String.format("%02d", date.getMonthValue());
                case "dd" -> String.format("%02d", date.getDayOfMonth());
                default -> sequence != null ? sequence
                        : String.format("%0" + Integer.parseInt(name.substring("seq:".length())) + "d", seq);
            };
            token.appendReplacement(out, Matcher.quoteReplacement(part));
        }
        token.appendTail(out);
        return out.toString();
    }
}
