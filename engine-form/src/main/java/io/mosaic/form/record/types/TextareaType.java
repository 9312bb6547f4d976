package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** Several lines of plain text, up to 4,000 characters by default. */
public final class TextareaType implements FieldTypeDescriptor {

    static final int MAX_LENGTH = 4_000;

    @Override
    public FieldType type() {
        return FieldType.TEXTAREA;
    }

    @Override
    public Category category() {
        return Category.BASIC;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("多行文本", "Multi-line text");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.text(field, MAX_LENGTH, required);
    }
}
