package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** Files of any type the field {@code accept}s (all when it names none). */
public final class AttachmentType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.ATTACHMENT;
    }

    @Override
    public Category category() {
        return Category.ADVANCED;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("附件", "Attachment");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        Files.describe(schema, field, "^[a-z]+/[A-Za-z0-9.+-]{1,100}$", required);
    }
}
