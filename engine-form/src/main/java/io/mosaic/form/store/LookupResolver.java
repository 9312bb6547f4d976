package io.mosaic.form.store;

import java.util.Map;

/**
 * Reads a field of a lookup's target record for formulas such as {@code customer.credit_limit}. The
 * target lives in another form's tables, which the store of this form does not know, so the caller
 * that has them (the runtime) supplies this.
 */
@FunctionalInterface
public interface LookupResolver {

    /** Resolves nothing: every lookup read of a formula is blank. */
    LookupResolver NONE = (form, id, field) -> null;

    /**
     * The value of {@code field} of record {@code id} of form {@code form}, as formulas take values:
     * {@code null} (blank, also for a missing target), a String, a Number, a Boolean or a LocalDate.
     */
    Object value(String form, long id, String field);

    /**
     * For {@code LOOKUP(form, field, key, value, …)}: {@code field} of the newest live record of {@code form} whose
     * key fields equal {@code keys}, as {@link #value} gives it; {@code null} when none matches. By default none does.
     */
    default Object match(String form, String field, Map<String, Object> keys) {
        return null;
    }

    /**
     * The resolver for one computation of one record's formulas, during which no target changes: one that reads
     * records may keep them for that long, so that a save reads each target once however many formulas and rows name
     * it (an order's lines reading their product's price and minimum quantity, each line its dealer's level).
     */
    default LookupResolver forOneComputation() {
        return this;
    }
}
