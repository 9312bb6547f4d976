package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/**
 * Line items: rows of the field's own typed columns, within {@code minRows}/{@code maxRows} (1,000 rows at most by
 * default).
 */
public final class SubtableType implements FieldTypeDescriptor {

    static final int MAX_ROWS = 1_000;

    @Override
    public FieldType type() {
        return FieldType.SUBTABLE;
    }

    @Override
    public Category category() {
        return Category.RELATION;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("子表", "Sub-table");
    }

    @Override
    public void describe(ValueSchema schema, FieldModel field, boolean required) {
        int minRows = field.minRows() == null ? 0 : field.minRows();
        schema.array(Math.max(minRows, required ? 1 : 0), field.maxRows() == null ? MAX_ROWS : field.maxRows(), required);
        schema.rowsOf(field.columns());
    }
}
