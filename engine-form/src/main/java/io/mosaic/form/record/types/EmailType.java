package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** An e-mail address (JSON Schema {@code format: email}). */
public final class EmailType implements FieldTypeDescriptor {

    static final int MAX_LENGTH = 254;

    @Override
    public FieldType type() {
        return FieldType.EMAIL;
    }

    @Override
    public Category category() {
        return Category.BASIC;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("电子邮箱", "E-mail");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.text(field, MAX_LENGTH, required).put("format", "email");
    }
}
