package io.mosaic.form.transfer;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the rows of an uploaded CSV file (Apache Commons CSV, RFC 4180 quoting; encoding as {@link SheetText}
 * finds it) or of the first sheet of an .xlsx workbook (FastExcel's streaming reader) one at a time, so memory
 * holds a row rather than the sheet. Rows whose cells are all blank are skipped but keep their number.
 *
 * <p>An .xlsx is a zip: before FastExcel opens it, every entry is inflated once and counted, so a zip bomb is
 * refused by what it really unpacks to, not by sizes its headers claim.
 */
public final class SheetReader implements Closeable {

    /** What the entries of an .xlsx may unpack to in all; generous for a 10 MB upload of real data. */
    public static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 10_000;

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Iterator<SheetRow> rows;
    private final Closeable resource;
    private int lastRow;

    private SheetReader(Iterator<SheetRow> rows, Closeable resource) {
        this.rows = rows;
        this.resource = resource;
    }

    /** @throws UnreadableSheetException when the file is not a readable CSV or .xlsx of that {@code format} */
    public static SheetReader open(byte[] content, SheetFormat format) {
        return format == SheetFormat.CSV ? csv(content) : xlsx(content);
    }

    /**
     * The next row with a value in it, or empty after the last.
     *
     * @throws UnreadableSheetException when the file breaks off or is malformed at that row
     */
    public Optional<SheetRow> next() {
        try {
            while (rows.hasNext()) {
                SheetRow row = rows.next();
                lastRow = row.number();
                if (!row.blank()) {
                    return Optional.of(row);
                }
            }
            return Optional.empty();
        } catch (UnreadableSheetException e) {
            throw e;
        } catch (RuntimeException e) {
            // Both parsers report bad input with unchecked exceptions of their own (and the odd IllegalState).
            throw new UnreadableSheetException(UnreadableSheetException.Reason.CORRUPT,
                    "The file cannot be read after row " + lastRow + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }

    private static SheetReader csv(byte[] content) {
        try {
            CSVParser parser = CSVParser.parse(SheetText.decode(content), CSV);
            return new SheetReader(parser.stream().map(SheetReader::row).iterator(), parser);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableSheetException(UnreadableSheetException.Reason.CORRUPT,
                    "The CSV file cannot be read: " + e.getMessage(), e);
        }
    }

    private static SheetReader xlsx(byte[] content) {
        refuseZipBomb(content);
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
            ReadableWorkbook book = workbook;
            Stream<Row> sheet = workbook.getFirstSheet().openStream();
            return new SheetReader(sheet.map(row -> new SheetRow(row.getRowNum(), cells(row))).iterator(), () -> {
                sheet.close();
                book.close();
            });
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw new UnreadableSheetException(UnreadableSheetException.Reason.CORRUPT,
                    "The file is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static SheetRow row(CSVRecord record) {
        List<SheetCell> cells = new ArrayList<>(record.size());
        record.forEach(value -> cells.add(SheetCell.text(value)));
        return new SheetRow((int) record.getRecordNumber(), cells);
    }

    private static List<SheetCell> cells(Row row) {
        List<SheetCell> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(cell(row.getCell(i)));
        }
        return cells;
    }

    /** By the value FastExcel read rather than the cell type: a formula cell holds its last result, of any type. */
    private static SheetCell cell(Cell cell) {
        if (cell == null || cell.getValue() == null) {
            return SheetCell.BLANK;
        }
        Object value = cell.getValue();
        if (value instanceof BigDecimal stored) {
            // A percentage cell holds 0.125 and shows 12.5%; the person filling the sheet meant what it shows.
            String format = cell.getDataFormatString();
            BigDecimal number = format != null && format.contains("%") ? stored.movePointRight(2) : stored;
            return new SheetCell(number.stripTrailingZeros().toPlainString(), number, date(cell), null);
        }
        if (value instanceof Boolean flag) {
            return new SheetCell(flag.toString().toUpperCase(Locale.ROOT), null, null, flag);
        }
        return SheetCell.text(cell.getText());
    }

    private static LocalDateTime date(Cell cell) {
        try {
            return cell.asDate();
        } catch (RuntimeException e) {
            return null; // a number too large for a date serial; only a date field would have asked
        }
    }

    /** Reads the zip's entries as FastExcel will, through its central directory, counting what they inflate to. */
    private static void refuseZipBomb(byte[] content) {
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new UnreadableSheetException(UnreadableSheetException.Reason.TOO_LARGE,
                            "The workbook holds more than " + MAX_ZIP_ENTRIES + " parts");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        unpacked += read;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw new UnreadableSheetException(UnreadableSheetException.Reason.TOO_LARGE,
                                    "The workbook unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                                            + " MB (" + entry.getName() + ")");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableSheetException refused) {
                throw refused;
            }
            throw new UnreadableSheetException(UnreadableSheetException.Reason.CORRUPT,
                    "The file is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already failing with the reason that matters
        }
    }
}
