package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A record of another form, by id; storage checks that the user may see it and that it meets the lookup's filter. */
public final class LookupType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.LOOKUP;
    }

    @Override
    public Category category() {
        return Category.RELATION;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("关联记录", "Lookup");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.reference(required);
    }
}
