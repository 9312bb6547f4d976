package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A percentage written as the number before the % sign (12.5 for 12.5%). */
public final class PercentType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.PERCENT;
    }

    @Override
    public Category category() {
        return Category.NUMBER;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("百分比", "Percent");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        Decimals.describe(schema, field, required);
    }
}
