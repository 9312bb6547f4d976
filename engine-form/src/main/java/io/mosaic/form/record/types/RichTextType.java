package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** Formatted text as HTML; storage keeps it only after sanitising. */
public final class RichTextType implements FieldTypeDescriptor {

    static final int MAX_LENGTH = 100_000;

    @Override
    public FieldType type() {
        return FieldType.RICHTEXT;
    }

    @Override
    public Category category() {
        return Category.ADVANCED;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("富文本", "Rich text");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.text(field, MAX_LENGTH, required);
    }
}
