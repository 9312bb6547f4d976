package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A user of the platform, by id. */
public final class UserType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.USER;
    }

    @Override
    public Category category() {
        return Category.PEOPLE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("人员", "User");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.reference(required);
    }
}
