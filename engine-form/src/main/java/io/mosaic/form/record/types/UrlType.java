package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/** A web address people can open: http or https only. */
public final class UrlType implements FieldTypeDescriptor {

    static final int MAX_LENGTH = 2_048;
    // "uri" alone admits javascript: and data: links; a record's link is for people to open.
    static final String PATTERN = "^[hH][tT][tT][pP][sS]?://[^\\s]+$";

    @Override
    public FieldType type() {
        return FieldType.URL;
    }

    @Override
    public Category category() {
        return Category.BASIC;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("网址", "URL");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        schema.text(field, MAX_LENGTH, required).put("format", "uri").put("pattern", PATTERN);
    }
}
