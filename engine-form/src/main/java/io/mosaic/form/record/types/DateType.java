package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A calendar date, {@code 2026-11-24}. */
public final class DateType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.DATE;
    }

    @Override
    public Category category() {
        return Category.DATE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("日期", "Date");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.type("string", required).put("format", "date");
    }
}
