package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A unit of the organisation tree, by id. */
public final class OrgType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.ORG;
    }

    @Override
    public Category category() {
        return Category.PEOPLE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("部门", "Org unit");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.reference(required);
    }
}
