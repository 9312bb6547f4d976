package io.mosaic.form.record.types;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/**
 * An address as province, city and district, down to the field's {@code regionLevel} (district by default), each
 * part required.
 */
public final class RegionType implements FieldTypeDescriptor {

    static final List<String> PARTS = List.of("province", "city", "district");
    static final int PART_MAX_LENGTH = 64;

    @Override
    public FieldType type() {
        return FieldType.REGION;
    }

    @Override
    public Category category() {
        return Category.ADVANCED;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("省市区", "Region");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        ObjectNode node = schema.type("object", required);
        String level = field.regionLevel() == null ? "district" : field.regionLevel();
        ObjectNode properties = node.putObject("properties");
        ArrayNode parts = node.putArray("required");
        for (String part : PARTS.subList(0, PARTS.indexOf(level.toLowerCase(Locale.ROOT)) + 1)) {
            properties.putObject(part).put("type", "string").put("minLength", 1).put("maxLength", PART_MAX_LENGTH);
            parts.add(part);
        }
        node.put("additionalProperties", false);
    }
}
