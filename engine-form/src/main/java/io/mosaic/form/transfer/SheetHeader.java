package io.mosaic.form.transfer;

import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.ErrorCode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The heading row of an imported sheet: which column holds which field. A heading may be the field's key or
 * its label in Chinese or English, compared without case, surrounding spaces or full-width forms; empty
 * headings are skipped. A heading that names no field, names a field twice, or names a field a sheet cannot
 * fill (sub-tables, files, serial numbers, formulas, read-only fields) is a {@link Problem}: such a file is
 * refused before any row is read, rather than dropping a column the user meant to import.
 */
public final class SheetHeader {

    /** A column of the sheet and the field it fills. */
    public record Column(int index, String heading, FieldModel field) {

        /** The column's letters as a spreadsheet shows them: A, B, …, Z, AA. */
        public String reference() {
            return letters(index);
        }

        /** How the report names the column: its letters and heading. */
        public String name() {
            return reference() + " " + heading;
        }
    }

    /**
     * A refused heading.
     *
     * @param cell the heading's cell, e.g. {@code C1}
     * @param code {@code unknown_field}, {@code duplicate_column}, {@code not_importable}, {@code read_only} or
     *             {@code no_fields}
     */
    public record Problem(String cell, String code, String message) {
    }

    private final int row;
    private final List<Column> columns;
    private final List<Problem> problems;

    private SheetHeader(int row, List<Column> columns, List<Problem> problems) {
        this.row = row;
        this.columns = List.copyOf(columns);
        this.problems = List.copyOf(problems);
    }

    static SheetHeader read(FormModel form, SheetRow heading, Locale locale) {
        List<Column> columns = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < heading.cells().size(); i++) {
            String text = heading.cell(i).text().strip();
            if (text.isEmpty()) {
                continue;
            }
            Map<String, String> values = Map.of("column", letters(i), "heading", text);
            String cell = letters(i) + heading.number();
            Optional<FieldModel> field = field(form, text);
            if (field.isEmpty()) {
                problems.add(new Problem(cell, ErrorCode.UNKNOWN_FIELD.code(), TransferText.UNKNOWN_COLUMN.text(locale, values)));
            } else if (!seen.add(field.get().key())) {
                problems.add(new Problem(cell, "duplicate_column", TransferText.DUPLICATE_COLUMN.text(locale, values)));
            } else if (!importable(field.get())) {
                problems.add(new Problem(cell, "not_importable", TransferText.NOT_IMPORTABLE.text(locale, values)));
            } else if (field.get().systemSet()) {
                problems.add(new Problem(cell, ErrorCode.READ_ONLY.code(), TransferText.COMPUTED.text(locale, values)));
            } else {
                columns.add(new Column(i, text, field.get()));
            }
        }
        if (columns.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("A" + heading.number(), "no_fields", TransferText.NO_FIELDS.text(locale)));
        }
        return new SheetHeader(heading.number(), columns, problems);
    }

    /** The row number of the heading row. */
    public int row() {
        return row;
    }

    /** The columns that fill fields, left to right. */
    public List<Column> columns() {
        return columns;
    }

    /** Why the file must be refused as it is; empty when every heading is fine. */
    public List<Problem> problems() {
        return problems;
    }

    public Optional<Column> column(String fieldKey) {
        return columns.stream().filter(c -> c.field().key().equals(fieldKey)).findFirst();
    }

    /** The heading's cell of the column filling {@code fieldKey}, e.g. {@code C1}. */
    public Optional<String> cell(String fieldKey) {
        return column(fieldKey).map(c -> c.reference() + row);
    }

    /**
     * The problem of the column filling {@code fieldKey} told as for a heading that names no field: for a field
     * the user may not see, so that the refusal does not reveal it.
     */
    public Problem unknownColumn(String fieldKey, Locale locale) {
        Column column = column(fieldKey).orElseThrow();
        return new Problem(column.reference() + row, ErrorCode.UNKNOWN_FIELD.code(), TransferText.UNKNOWN_COLUMN.text(
                locale, Map.of("column", column.reference(), "heading", column.heading())));
    }

    private static boolean importable(FieldModel field) {
        return field.type() != FieldType.SUBTABLE && field.type() != FieldType.ATTACHMENT
                && field.type() != FieldType.IMAGE;
    }

    /** By key first, so that a label that happens to equal another field's key cannot take its column. */
    private static Optional<FieldModel> field(FormModel form, String heading) {
        String wanted = normal(heading);
        return form.fields().stream().filter(f -> normal(f.key()).equals(wanted)).findFirst()
                .or(() -> form.fields().stream().filter(f -> normal(f.label().zhCN()).equals(wanted)
                        || normal(f.label().en()).equals(wanted)).findFirst());
    }

    private static String normal(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    static String letters(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }
}
