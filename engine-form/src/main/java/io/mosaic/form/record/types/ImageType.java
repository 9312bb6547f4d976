package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** Pictures: png, jpg, jpeg, gif or webp unless the field {@code accept}s others. */
public final class ImageType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.IMAGE;
    }

    @Override
    public Category category() {
        return Category.ADVANCED;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("图片", "Image");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        Files.describe(schema, field, "^image/[A-Za-z0-9.+-]{1,100}$", required);
    }
}
