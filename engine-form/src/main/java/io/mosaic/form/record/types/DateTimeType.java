package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** An instant in RFC 3339 with its offset, {@code 2026-11-24T09:30:00+08:00}. */
public final class DateTimeType implements FieldTypeDescriptor {

    @Override
    public FieldType type() {
        return FieldType.DATETIME;
    }

    @Override
    public Category category() {
        return Category.DATE;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("日期时间", "Date and time");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.type("string", required).put("format", "date-time");
    }
}
