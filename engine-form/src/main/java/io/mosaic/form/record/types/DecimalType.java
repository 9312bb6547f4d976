package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A decimal number (see {@link Decimals}). */
public final class DecimalType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.DECIMAL;
    }

    @Override
    public Category category() {
        return Category.NUMBER;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("小数", "Decimal");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        Decimals.describe(schema, field, required);
    }
}
