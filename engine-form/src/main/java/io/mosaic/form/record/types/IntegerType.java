package io.mosaic.form.record.types;

import java.math.BigDecimal;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A whole number within {@code min}/{@code max}, else the BIGINT range. */
public final class IntegerType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.INTEGER;
    }

    @Override
    public Category category() {
        return Category.NUMBER;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("整数", "Integer");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.type("integer", required);
        schema.bounded(field.min(), field.max(), BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));
    }
}
