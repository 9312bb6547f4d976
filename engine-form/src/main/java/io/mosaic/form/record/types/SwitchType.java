package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** Yes or no. */
public final class SwitchType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.SWITCH;
    }

    @Override
    public Category category() {
        return Category.CHOICE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("开关", "Switch");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.type("boolean", required);
    }
}
