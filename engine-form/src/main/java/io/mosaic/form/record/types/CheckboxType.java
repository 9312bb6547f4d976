package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** Several of the field's options, each a checkbox. */
public final class CheckboxType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.CHECKBOX;
    }

    @Override
    public Category category() {
        return Category.CHOICE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("复选框", "Checkboxes");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.someOptions(field, required);
    }
}
