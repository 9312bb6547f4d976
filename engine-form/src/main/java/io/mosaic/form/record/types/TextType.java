package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** One line of text, 255 characters unless {@code maxLength} says otherwise. */
public final class TextType implements FieldTypeDescriptor {

    static final int MAX_LENGTH = 255;

    @Override
    public FieldType type() {
        return FieldType.TEXT;
    }

    @Override
    public Category category() {
        return Category.BASIC;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("单行文本", "Single-line text");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.text(field, MAX_LENGTH, required);
    }
}
