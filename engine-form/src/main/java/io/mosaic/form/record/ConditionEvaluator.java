package io.mosaic.form.record;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides a field's {@code visibleWhen} / {@code requiredWhen} condition. The conditions are written
 * in the formula language, which lives in its own package; record validation depends only on this.
 */
@FunctionalInterface
public interface ConditionEvaluator {

    /**
     * @param expression the condition as written in the definition
     * @param record     the whole submitted record
     * @param row        the sub-table row the field belongs to, or {@code null} for a top-level field
     * @return whether the condition holds
     */
    boolean holds(String expression, JsonNode record, JsonNode row);
}
