package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** An amount of money in the field's {@code currency}, 2 decimals unless {@code scale} says otherwise. */
public final class MoneyType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.MONEY;
    }

    @Override
    public Category category() {
        return Category.NUMBER;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("金额", "Money");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        Decimals.describe(schema, field, required);
    }
}
