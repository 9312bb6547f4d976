package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** One of the field's options, all shown as buttons. */
public final class RadioType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.RADIO;
    }

    @Override
    public Category category() {
        return Category.CHOICE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("单选按钮", "Radio buttons");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.oneOption(field, required);
    }
}
