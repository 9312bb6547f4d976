package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A phone number: digits, spaces, hyphens and brackets with an optional leading +. */
public final class PhoneType implements FieldTypeDescriptor {

    static final int MAX_LENGTH = 32;
    /** 13800138000, 010-8888 6666, +86 (21) 5555. */
    static final String PATTERN = "^\\+?[0-9][0-9 ()-]{3,28}[0-9]$";

    @Override
    public FieldType type() {
        return FieldType.PHONE;
    }

    @Override
    public Category category() {
        return Category.BASIC;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("电话", "Phone");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.text(field, MAX_LENGTH, required).put("pattern", PATTERN);
    }
}
