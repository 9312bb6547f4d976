package io.mosaic.form.transfer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes rows of values to a CSV file (UTF-8 with a byte order mark, which Excel needs to read Chinese) or to
 * an .xlsx workbook (FastExcel, which streams: rows are flushed to the output as they are written). Values are
 * {@link String}s, {@link Number}s, {@link LocalDate}s, {@link LocalDateTime}s or null; numbers and dates
 * become typed cells in a workbook.
 *
 * <p>Text that a spreadsheet would take for a formula is {@linkplain #neutralise neutralised} in both
 * formats, so that opening an export never runs what a user typed into a record.
 */
public abstract class SheetWriter implements Closeable {

    /** Characters that make a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter DATE_TIME_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    public static SheetWriter open(SheetFormat format, OutputStream out, String sheetName) throws IOException {
        return format == SheetFormat.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    }

    /** Writes one row; the first is the heading row. */
    public abstract void row(List<?> values) throws IOException;

    /** Completes the file; the output stream stays open. */
    public abstract void finish() throws IOException;

    @Override
    public void close() throws IOException {
        // the output stream is the caller's to close
    }

    /**
     * {@code text} with a leading {@code '} when it starts like a formula ({@code = + - @}, tab or carriage
     * return), so that Excel and LibreOffice show it as text; a plain negative number such as {@code -12.5}
     * stays as it is.
     */
    public static String neutralise(String text) {
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    private static final class Csv extends SheetWriter {

        private final Writer writer;
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        }

        @Override
        public void row(List<?> values) throws IOException {
            for (Object value : values) {
                printer.print(text(value));
            }
            printer.println();
        }

        private static String text(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof BigDecimal number) {
                return number.toPlainString();
            }
            if (value instanceof LocalDateTime at) {
                return at.format(DATE_TIME_TEXT);
            }
            return value instanceof String text ? neutralise(text) : value.toString();
        }

        @Override
        public void finish() throws IOException {
            printer.flush();
        }
    }

    private static final class Xlsx extends SheetWriter {

        /** Excel's own limit on the characters of a cell; it refuses to open a workbook with a longer one. */
        static final int MAX_CELL_CHARS = 32_767;
        /** Rows kept before they are written out; FastExcel holds unflushed rows in memory. */
        private static final int FLUSH_EVERY = 500;

        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "Mosaic", "1.0");
            sheet = workbook.newWorksheet(sheetName(sheetName));
        }

        @Override
        public void row(List<?> values) throws IOException {
            for (int column = 0; column < values.size(); column++) {
                Object value = values.get(column);
                if (value instanceof String text) {
                    String safe = neutralise(text);
                    sheet.value(row, column, safe.length() > MAX_CELL_CHARS ? safe.substring(0, MAX_CELL_CHARS) : safe);
                } else if (value instanceof Number number) {
                    sheet.value(row, column, number);
                } else if (value instanceof LocalDate date) {
                    sheet.value(row, column, date);
                    sheet.style(row, column).format("yyyy-mm-dd").set();
                } else if (value instanceof LocalDateTime at) {
                    sheet.value(row, column, at);
                    sheet.style(row, column).format("yyyy-mm-dd hh:mm:ss").set();
                } else if (value != null) {
                    sheet.value(row, column, value.toString());
                }
            }
            if (++row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.finish();
        }

        /** Excel's rules: at most 31 characters, none of {@code []:*?/\}. */
        private static String sheetName(String name) {
            String safe = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
            return safe.isBlank() ? "Sheet1" : safe.substring(0, Math.min(31, safe.length()));
        }
    }
}
