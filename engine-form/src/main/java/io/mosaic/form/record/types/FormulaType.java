package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A value the platform computes from the record with the field's {@code expression}. */
public final class FormulaType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.FORMULA;
    }

    @Override
    public Category category() {
        return Category.ADVANCED;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("计算字段", "Formula");
    }

    @Override
    public boolean platformSet() {
        return true;
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        throw new IllegalArgumentException("Formula values are set by the platform");
    }
}
