package io.mosaic.rule.run;

import io.mosaic.form.formula.FormulaContext;

import java.util.List;

/**
 * Other records of the app for {@code exists} conditions. engine-rule reaches no form's records itself, so the
 * caller that has them (the runtime, through the forms' list queries) supplies this; it reads as the platform, whoever
 * saves, since a rule such as a collision check must see every dealer's registrations.
 */
@FunctionalInterface
public interface RecordFinder {

    /** Finds nothing: an {@code exists} condition never holds. */
    RecordFinder NONE = (form, where, excludeSelf, limit) -> List.of();

    /**
     * Up to {@code limit} live records of {@code form} meeting every criterion, newest first, each as formulas read it
     * (its fields and its lookups' fields).
     *
     * @param excludeSelf leave out the record the rules run on
     */
    List<FormulaContext> find(String form, List<Criterion> where, boolean excludeSelf, int limit);

    /**
     * {@code field op value}: {@code op} one of eq, ne, gt, gte, lt, lte; {@code value} never blank, a String, a
     * BigDecimal, a Boolean or a LocalDate.
     */
    record Criterion(String field, String op, Object value) {
    }
}
