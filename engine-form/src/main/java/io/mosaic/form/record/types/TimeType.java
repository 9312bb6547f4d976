package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A time of day, {@code 09:30} or {@code 09:30:15}. */
public final class TimeType implements FieldTypeDescriptor {

    static final String PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";

    @Override
    public FieldType type() {
        return FieldType.TIME;
    }

    @Override
    public Category category() {
        return Category.DATE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("时间", "Time");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.type("string", required).put("pattern", PATTERN);
    }
}
