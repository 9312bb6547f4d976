package io.mosaic.form.formula;

import java.util.Locale;

/**
 * A formula that cannot be read or cannot be computed. The {@link Code} and the {@link #position()} are the same
 * ones the browser's {@code formula.js} reports for the same text and values, so either side can show them.
 */
public final class FormulaException extends RuntimeException {

    /** What went wrong; {@link #key()} is the spelling shared with the browser and the test vectors. */
    public enum Code {
        /** The text is not a formula: a stray character, a missing parenthesis, an unterminated string. */
        SYNTAX,
        /** Longer than {@link Formula#MAX_LENGTH} characters. */
        TOO_LONG,
        /** Nested deeper than {@link Formula#MAX_DEPTH} levels. */
        TOO_DEEP,
        UNKNOWN_FUNCTION,
        /** A function called with a number of arguments it does not take. */
        ARITY,
        /** A name the context does not know. */
        UNKNOWN_REFERENCE,
        /** A value of the wrong kind: text where a number is needed, a sub-table column outside an aggregate. */
        TYPE,
        DIVISION_BY_ZERO,
        /** A value of the right kind outside what the function accepts, e.g. ROUND to 11 places. */
        INVALID_ARGUMENT,
        /** No condition of an IFS holds. */
        NO_MATCH;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Code code;
    private final int position;
    private final String detail;

    FormulaException(Code code, int position, String detail) {
        super(detail + " (at character " + (position + 1) + ")");
        this.code = code;
        this.position = position;
        this.detail = detail;
    }

    public Code code() {
        return code;
    }

    /** Zero-based index into the formula's text (in UTF-16 units, as JavaScript counts) of where it went wrong. */
    public int position() {
        return position;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }
}
