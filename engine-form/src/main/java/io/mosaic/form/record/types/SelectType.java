package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** One of the field's options, from a drop-down list. */
public final class SelectType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.SELECT;
    }

    @Override
    public Category category() {
        return Category.CHOICE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("下拉单选", "Single select");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.oneOption(field, required);
    }
}
