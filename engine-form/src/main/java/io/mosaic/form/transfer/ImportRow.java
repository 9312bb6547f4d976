package io.mosaic.form.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One data row of an imported sheet as a record.
 *
 * @param number the row number a spreadsheet shows
 * @param record the values of its non-blank cells, by field key
 * @param errors cells that could not be read as their field's type; the record leaves those fields out
 */
public record ImportRow(int number, ObjectNode record, List<RowError> errors) {

    public ImportRow {
        errors = List.copyOf(errors);
    }
}
