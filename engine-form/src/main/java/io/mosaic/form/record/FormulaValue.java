package io.mosaic.form.record;

import com.fasterxml.jackson.databind.JsonNode;

/** A record's JSON value as the formula language reads it. */
public final class FormulaValue {

    private FormulaValue() {
    }

    /** Numbers as exact decimals, text, booleans, blank as null; objects and arrays come back as themselves, which
     *  the formula refuses as values it cannot use. */
    public static Object of(JsonNode value) {
        if (value.isNumber()) return value.decimalValue();
        if (value.isTextual()) return value.asText();
        if (value.isBoolean()) return value.asBoolean();
        if (value.isNull() || value.isMissingNode()) return null;
        return value;
    }
}
