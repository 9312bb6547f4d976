package io.mosaic.form.record;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

    /**
     * The other way: a formula's result as a record value to store. Numbers in plain notation (300, not 3E+2),
     * dates as ISO text, blank as null.
     */
    public static JsonNode json(Object result) {
        if (result == null) return JsonNodeFactory.instance.nullNode();
        if (result instanceof BigDecimal number) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(number.stripTrailingZeros().toPlainString()));
        }
        if (result instanceof Number number) return JsonNodeFactory.instance.numberNode(new BigDecimal(number.toString()));
        if (result instanceof Boolean bool) return JsonNodeFactory.instance.booleanNode(bool);
        if (result instanceof JsonNode node) return node;
        return JsonNodeFactory.instance.textNode(result.toString());
    }
}
