package io.mosaic.form.formula;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a formula can see: values by path and today's date. A value is {@code null} (blank), a
 * {@link String} (an ISO date such as {@code 2026-01-31} counts as a date, an empty string as blank), a
 * {@link Number}, a {@link Boolean}, a {@link LocalDate}, or — for a sub-table column such as {@code lines.amount}
 * — a {@link java.util.List} of those.
 */
public interface FormulaContext {

    /** Whether the path names something this context can give; if not, the formula fails with unknown_reference. */
    boolean has(String path);

    /** The value at a path for which {@link #has} is true. */
    Object value(String path);

    /** What TODAY() answers; from a clock rather than the system so that results are reproducible. */
    LocalDate today();

    /**
     * What {@code LOOKUP(form, field, key, value, …)} answers: {@code field} of the newest live record of {@code form}
     * whose key fields equal the values (in the order written), as {@link #value} gives values; {@code null} when no
     * record matches. A context that reaches no other form's records (the default) finds none.
     */
    default Object match(String form, String field, Map<String, Object> keys) {
        return null;
    }

    /**
     * A context over a record as nested maps: {@code amount} is {@code values.get("amount")};
     * {@code dealer.credit_limit} is the entry {@code "dealer.credit_limit"} if present, else the key
     * {@code credit_limit} of the map at {@code dealer} (blank when the lookup is blank); {@code lines.amount} is
     * the {@code amount} of each row when {@code lines} holds a list of row maps.
     */
    static FormulaContext of(Map<String, ?> values, Clock clock) {
        return new MapContext(values, clock);
    }
}
