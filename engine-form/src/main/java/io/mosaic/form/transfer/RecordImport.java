package io.mosaic.form.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.RecordValidator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rows of a sheet as records of one form version: the heading row says which column fills which
 * field ({@link SheetHeader}), each cell is converted to its field's type ({@link CellValues}), and what goes
 * wrong is a {@link RowError} naming the row and the column. Storing the records, and so validating them,
 * is the caller's; {@link #errors} places the record errors it gets back in the sheet.
 *
 * <p>Sub-tables are not imported: a sheet row is one record, and a sub-table (like an attachment or image)
 * column is refused in the heading. Their records are created without rows; a sub-table that requires rows
 * makes each row fail with the sub-table's own error.
 */
public final class RecordImport {

    /** A row's errors in the order of their columns, as the user reads the row; whole-row errors last. */
    private static final Comparator<RowError> LEFT_TO_RIGHT = Comparator.comparing(
            (RowError error) -> error.column().isEmpty() ? "~" : error.column().split(" ", 2)[0],
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));

    private final FormModel form;
    private final CellValues values;

    /** @param zone where a date-time written without an offset happened */
    public RecordImport(FormModel form, ZoneId zone) {
        this.form = form;
        this.values = new CellValues(zone);
    }

    public SheetHeader header(SheetRow headingRow, Locale locale) {
        return SheetHeader.read(form, headingRow, locale);
    }

    /** The row as a record of the fields the heading names, with an error for each cell of the wrong type. */
    public ImportRow row(SheetHeader header, SheetRow row, Locale locale) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        List<RowError> errors = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (SheetHeader.Column column : header.columns()) {
            used.add(column.index());
            FieldModel field = column.field();
            try {
                JsonNode value = values.value(field, row.cell(column.index()));
                if (value != null) {
                    record.set(field.key(), value);
                }
            } catch (CellValues.Refused e) {
                RecordError error = RecordError.of("/" + field.key(), e.code(), field.label(), null, locale);
                errors.add(new RowError(row.number(), column.name(), field.key(), error.code(), error.message()));
            }
        }
        // A value under an empty heading would otherwise be dropped without a word.
        for (int i = 0; i < row.cells().size(); i++) {
            if (!used.contains(i) && !row.cell(i).blank()) {
                errors.add(new RowError(row.number(), SheetHeader.letters(i), "", "no_heading",
                        TransferText.CELL_WITHOUT_HEADING.text(locale, Map.of("column", SheetHeader.letters(i)))));
            }
        }
        return new ImportRow(row.number(), record, errors);
    }

    /**
     * Every problem of a converted row: its cells of the wrong type, and what the validator finds in the values
     * that were read (a field whose cell could not be read is not also called missing).
     */
    public List<RowError> check(SheetHeader header, ImportRow row, RecordValidator validator, Locale locale) {
        List<RowError> problems = new ArrayList<>(row.errors());
        Set<String> unreadable = new HashSet<>();
        row.errors().forEach(error -> unreadable.add(error.field()));
        List<RecordError> invalid = validator.validate(row.record(), locale).stream()
                .filter(error -> !unreadable.contains(fieldKey(error.pointer()))).toList();
        problems.addAll(errors(header, row.number(), invalid));
        problems.sort(LEFT_TO_RIGHT);
        return problems;
    }

    /** The store's or validator's errors for the record of row {@code row}, each placed in its field's column. */
    public List<RowError> errors(SheetHeader header, int row, List<RecordError> errors) {
        List<RowError> placed = new ArrayList<>();
        for (RecordError error : errors) {
            String key = fieldKey(error.pointer());
            String column = header.column(key).map(SheetHeader.Column::name).orElse("");
            placed.add(new RowError(row, column, form.field(key).isPresent() ? key : "", error.code(), error.message()));
        }
        return placed;
    }

    /**
     * Writes the error report: a CSV (UTF-8 with BOM, so Excel shows Chinese right) with one line per error,
     * headed in {@code locale}'s language; {@code unlisted} errors beyond those given are counted in a last line.
     */
    public static void writeReport(List<RowError> errors, long unlisted, Locale locale, OutputStream out)
            throws IOException {
        try (SheetWriter report = SheetWriter.open(SheetFormat.CSV, out, "errors")) {
            report.row(List.of(TransferText.REPORT_ROW.text(locale), TransferText.REPORT_COLUMN.text(locale),
                    TransferText.REPORT_FIELD.text(locale), TransferText.REPORT_CODE.text(locale),
                    TransferText.REPORT_MESSAGE.text(locale)));
            for (RowError error : errors) {
                report.row(List.of(error.row(), error.column(), error.field(), error.code(), error.message()));
            }
            if (unlisted > 0) {
                report.row(List.of("", "", "", "",
                        TransferText.REPORT_MORE.text(locale, Map.of("count", String.valueOf(unlisted)))));
            }
            report.finish();
        }
    }

    /** A pointer's first token, the field: {@code /region/city} → {@code region}. */
    private static String fieldKey(String pointer) {
        if (pointer == null || pointer.length() < 2) {
            return "";
        }
        int end = pointer.indexOf('/', 1);
        return (end < 0 ? pointer.substring(1) : pointer.substring(1, end)).replace("~1", "/").replace("~0", "~");
    }
}
