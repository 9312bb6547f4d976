package io.mosaic.form.record.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.model.FieldModel;

/**
 * The JSON Schema of one field's value as a field type writes it, with the pieces several types share. Rows of a
 * sub-table are described by whoever describes whole records ({@code rows}), since a row is one.
 */
public final class ValueSchema {

    private final ObjectNode node;
    private final BiConsumer<ObjectNode, List<FieldModel>> rows;

    public ValueSchema(ObjectNode node, BiConsumer<ObjectNode, List<FieldModel>> rows) {
        this.node = node;
        this.rows = rows;
    }

    public ObjectNode node() {
        return node;
    }

    /** The JSON type, and {@code null} as well when the field may be cleared. */
    public ObjectNode type(String type, boolean required) {
        if (required) {
            node.put("type", type);
        } else {
            node.putArray("type").add(type).add("null");
        }
        return node;
    }

    /** A string of at most the field's {@code maxLength} (else {@code defaultMaxLength}); not empty when required. */
    public ObjectNode text(FieldModel field, int defaultMaxLength, boolean required) {
        type("string", required);
        if (required) {
            node.put("minLength", 1);
        }
        return node.put("maxLength", field.maxLength() == null ? defaultMaxLength : field.maxLength());
    }

    public ObjectNode array(Integer minItems, Integer maxItems, boolean required) {
        type("array", required);
        if (minItems != null && minItems > 0) {
            node.put("minItems", minItems);
        }
        if (maxItems != null) {
            node.put("maxItems", maxItems);
        }
        return node;
    }

    /** One of the field's option values. */
    public void oneOption(FieldModel field, boolean required) {
        type("string", required);
        ArrayNode values = node.putArray("enum");
        field.optionValues().forEach(values::add);
        if (!required) {
            values.addNull();
        }
    }

    /** Distinct option values, at least one when required. */
    public void someOptions(FieldModel field, boolean required) {
        array(required ? 1 : null, null, required);
        node.put("uniqueItems", true);
        ArrayNode values = node.putObject("items").putArray("enum");
        field.optionValues().forEach(values::add);
    }

    /** The id of a user, an org unit or a record: a positive BIGINT. */
    public void reference(boolean required) {
        type("integer", required).put("minimum", 1).put("maximum", Long.MAX_VALUE);
    }

    /** Within the field's bounds, else what the column of the type holds. */
    public void bounded(BigDecimal min, BigDecimal max, BigDecimal defaultMin, BigDecimal defaultMax) {
        node.put("minimum", min == null ? defaultMin : min);
        node.put("maximum", max == null ? defaultMax : max);
    }

    /** Each item a row of {@code columns}. */
    public void rowsOf(List<FieldModel> columns) {
        rows.accept(node.putObject("items"), columns);
    }
}
