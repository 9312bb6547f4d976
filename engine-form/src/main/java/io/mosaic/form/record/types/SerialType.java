package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/**
 * A number the platform gives each new record by the field's {@code pattern} ({@code DO-{yyyy}-{seq:6}}), unique
 * and without gaps.
 */
public final class SerialType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.SERIAL;
    }

    @Override
    public Category category() {
        return Category.ADVANCED;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("流水号", "Serial number");
    }

    @Override
    public boolean platformSet() {
        return true;
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        throw new IllegalArgumentException("Serial numbers are set by the platform");
    }
}
