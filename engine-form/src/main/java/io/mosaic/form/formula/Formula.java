package io.mosaic.form.formula;

/**
 * The platform's formula language: an Excel-like expression over a record's values, used by computed form
 * fields, workflow conditions and rules. It can reach nothing but what a {@link FormulaContext} gives it, call
 * nothing but its built-in functions, and is bounded in length and nesting so that hostile text cannot exhaust
 * the server. docs/definitions.md describes the syntax; the browser runs the same language in {@code formula.js}.
 */
public final class Formula {

    /** Longest accepted formula text, in characters. */
    public static final int MAX_LENGTH = 4000;

    /** Deepest accepted nesting of parentheses, function calls and negations. */
    public static final int MAX_DEPTH = 64;

    private Formula() {
    }

    /**
     * Reads a formula once so that it can be evaluated many times.
     *
     * @throws FormulaException with code syntax, too_long, too_deep, unknown_function or arity
     */
    public static Expression parse(String text) {
        return new Parser(text).parse();
    }
}
