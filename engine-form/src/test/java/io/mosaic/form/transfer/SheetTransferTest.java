package io.mosaic.form.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.support.Fixtures;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Records read from CSV and .xlsx sheets and written back to them, without a database. */
class SheetTransferTest {

    private static final FormModel DEAL = FormModel.read("deal", Fixtures.read("/transfer/deal.form.json"));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordImport imports = new RecordImport(DEAL, SHANGHAI);

    @Test
    void readsAUtf8CsvWithByteOrderMarkAndHeadingsByKeyOrLabelInEitherLanguage() throws IOException {
        String csv = "\uFEFF标题,Amount,quantity,截止日期,Opened at,营业时间,紧急,阶段,Tags,处理人,地区,占比\r\n"
                + "\"Bolts, M8\",\"1,234.50\",12,2026/11/24,2026-11-24 09:30,9:05,是,赢单,甲; B,42,广东省/深圳市,12.5%\r\n";

        List<ImportRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).errors()).isEmpty();
        assertSameRecord(rows.get(0).record(), json("""
                {"title": "Bolts, M8", "amount": 1234.50, "quantity": 12, "due": "2026-11-24",
                 "opened_at": "2026-11-24T09:30:00+08:00", "opens": "09:05", "urgent": true, "stage": "won",
                 "tags": ["a", "b"], "assignee": 42, "area": {"province": "广东省", "city": "深圳市"}, "share": 12.5}"""));
    }

    @Test
    void readsACsvThatExcelSavedInGbk() throws IOException {
        String csv = "标题,阶段,紧急,截止日期\r\n螺栓,新建,否,2026年1月5日\r\n";

        List<ImportRow> rows = read(csv.getBytes(Charset.forName("GBK")));

        assertSameRecord(rows.get(0).record(), json("""
                {"title": "螺栓", "stage": "new", "urgent": false, "due": "2026-01-05"}"""));
    }

    @Test
    void namesTheRowAndColumnOfEachCellThatIsNotItsFieldsType() throws IOException {
        String csv = "Title,Amount,Due,Urgent,Assignee\n"
                + "ok,12,2026-11-24,1,7\n"
                + "\n"
                + "bad,twelve,2026-02-30,maybe,seven,surplus\n";

        List<ImportRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(ImportRow::number).containsExactly(2, 4);
        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(1).record()).isEqualTo(json("{\"title\": \"bad\"}"));
        assertThat(rows.get(1).errors()).extracting(RowError::row, RowError::column, RowError::field, RowError::code)
                .containsExactly(
                        tuple(4, "B Amount", "amount", "type"),
                        tuple(4, "C Due", "due", "format"),
                        tuple(4, "D Urgent", "urgent", "type"),
                        tuple(4, "E Assignee", "assignee", "type"),
                        tuple(4, "F", "", "no_heading"));
        assertThat(rows.get(1).errors().get(0).message()).isEqualTo("金额的值类型不正确");
    }

    @Test
    void refusesHeadingsThatNameNoFieldASheetCanFill() {
        SheetRow heading = new SheetRow(1, cells("Title", "colour", "标题", "明细", "单号", ""));

        SheetHeader header = imports.header(heading, Locale.ENGLISH);

        assertThat(header.columns()).extracting(c -> c.field().key()).containsExactly("title");
        assertThat(header.problems()).extracting(SheetHeader.Problem::cell, SheetHeader.Problem::code).containsExactly(
                tuple("B1", "unknown_field"), tuple("C1", "duplicate_column"), tuple("D1", "not_importable"),
                tuple("E1", "read_only"));
        assertThat(header.problems().get(0).message()).isEqualTo("Column B \"colour\" is not a field of the form");
        assertThat(imports.header(new SheetRow(1, cells("", " ")), ZH).problems())
                .extracting(SheetHeader.Problem::code).containsExactly("no_fields");
    }

    @Test
    void readsTypedCellsOfAWorkbookIncludingExcelDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "test", "1.0");
        Worksheet sheet = book.newWorksheet("Deals");
        List<String> headings = List.of("title", "amount", "due", "opened_at", "opens", "urgent", "quantity", "share");
        for (int i = 0; i < headings.size(); i++) {
            sheet.value(0, i, headings.get(i));
        }
        sheet.value(1, 0, 13800138000L);
        sheet.value(1, 1, new BigDecimal("99.95"));
        sheet.value(1, 2, LocalDate.of(2026, 11, 24));
        sheet.style(1, 2).format("yyyy-mm-dd").set();
        sheet.value(1, 3, LocalDateTime.of(2026, 11, 24, 9, 30));
        sheet.value(1, 4, 0.375);
        sheet.value(1, 5, true);
        sheet.value(1, 6, 3.0);
        sheet.value(1, 7, 0.125);
        sheet.style(1, 7).format("0.0%").set();
        book.finish();

        List<ImportRow> rows = read(out.toByteArray());

        assertThat(rows.get(0).errors()).isEmpty();
        assertSameRecord(rows.get(0).record(), json("""
                {"title": "13800138000", "amount": 99.95, "due": "2026-11-24", "opened_at": "2026-11-24T09:30:00+08:00",
                 "opens": "09:00", "urgent": true, "quantity": 3, "share": 12.5}"""));
    }

    @Test
    void refusesAnOldExcelFileAnyOtherBinaryAndABrokenWorkbook() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        byte[] brokenZip = Arrays.copyOf(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, 200);

        assertThatThrownBy(() -> SheetFormat.detect(xls)).isInstanceOfSatisfying(UnreadableSheetException.class,
                e -> assertThat(e.reason()).isEqualTo(UnreadableSheetException.Reason.UNSUPPORTED));
        assertThatThrownBy(() -> SheetFormat.detect(png)).isInstanceOfSatisfying(UnreadableSheetException.class,
                e -> assertThat(e.reason()).isEqualTo(UnreadableSheetException.Reason.UNSUPPORTED));
        assertThat(SheetFormat.detect(brokenZip)).isEqualTo(SheetFormat.XLSX);
        assertThat(SheetFormat.detect(new byte[0])).isEqualTo(SheetFormat.CSV);
        assertThat(SheetFormat.detect(new byte[] {'P'})).isEqualTo(SheetFormat.CSV);
        assertThatThrownBy(() -> SheetReader.open(brokenZip, SheetFormat.XLSX))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableSheetException.Reason.CORRUPT));
        assertThatThrownBy(() -> read("title\n\"never closed\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableSheetException.Reason.CORRUPT));
    }

    @Test
    void refusesAWorkbookThatUnpacksToMoreThanItsLimit() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written <= SheetReader.MAX_UNPACKED_BYTES; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(2 * 1024 * 1024);

        assertThatThrownBy(() -> SheetReader.open(bomb.toByteArray(), SheetFormat.XLSX))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableSheetException.Reason.TOO_LARGE));
    }

    @Test
    void placesRecordErrorsInTheColumnOfTheirField() {
        SheetHeader header = imports.header(new SheetRow(1, cells("标题", "金额")), ZH);

        List<RowError> errors = imports.errors(header, 7, List.of(new RecordError("/amount", "minimum", "金额不能小于 0"),
                new RecordError("/due", "required", "截止日期不能为空"), new RecordError("", "formula", "x")));

        assertThat(errors).extracting(RowError::row, RowError::column, RowError::field, RowError::code).containsExactly(
                tuple(7, "B 金额", "amount", "minimum"), tuple(7, "", "due", "required"), tuple(7, "", "", "formula"));
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldRunButKeepsNegativeNumbers() {
        assertThat(SheetWriter.neutralise("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(SheetWriter.neutralise("+1+1")).isEqualTo("'+1+1");
        assertThat(SheetWriter.neutralise("-1+1")).isEqualTo("'-1+1");
        assertThat(SheetWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SheetWriter.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SheetWriter.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(SheetWriter.neutralise("-12.5")).isEqualTo("-12.5");
        assertThat(SheetWriter.neutralise("a=b")).isEqualTo("a=b");
        assertThat(SheetWriter.neutralise("")).isEmpty();
    }

    @Test
    void exportsReadableValuesThatImportBackAsTheSameRecordInBothFormats() throws IOException {
        ObjectNode stored = json("""
                {"title": "=HYPERLINK(\\"http://x\\")", "amount": -12.5, "quantity": 3, "due": "2026-11-24",
                 "opened_at": "2026-11-24T01:30:00Z", "opens": "09:05", "urgent": true, "stage": "won",
                 "tags": ["a", "b"], "assignee": 42, "area": {"province": "广东省", "city": "深圳市"}, "share": 12.5,
                 "number": "D-0001"}""");
        ExportValues values = new ExportValues(ZH, SHANGHAI);
        List<FieldModel> fields = ExportValues.exportable(DEAL).stream().filter(f -> !f.systemSet()).toList();

        for (SheetFormat format : SheetFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SheetWriter writer = SheetWriter.open(format, out, "交易")) {
                writer.row(fields.stream().map(values::heading).toList());
                List<Object> row = new ArrayList<>();
                fields.forEach(f -> row.add(values.value(f, stored.get(f.key()))));
                writer.row(row);
                writer.finish();
            }

            ImportRow back = read(out.toByteArray()).get(0);

            ObjectNode expected = stored.deepCopy();
            expected.remove("number");
            expected.put("title", "'=HYPERLINK(\"http://x\")");
            expected.put("opened_at", "2026-11-24T09:30:00+08:00");
            assertThat(back.errors()).as(format.name()).isEmpty();
            assertSameRecord(back.record(), expected);
        }
    }

    private List<ImportRow> read(byte[] content) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        try (SheetReader reader = SheetReader.open(content, SheetFormat.detect(content))) {
            SheetHeader header = imports.header(reader.next().orElseThrow(), ZH);
            assertThat(header.problems()).isEmpty();
            for (SheetRow row = reader.next().orElse(null); row != null; row = reader.next().orElse(null)) {
                rows.add(imports.row(header, row, ZH));
            }
        }
        return rows;
    }

    /** Equal members, numbers by value ({@code 1234.50} is {@code 1234.5}), in any order. */
    private static void assertSameRecord(JsonNode actual, JsonNode expected) {
        assertThat(actual.equals((a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, expected))
                .as("%s is %s", actual, expected).isTrue();
    }

    private static List<SheetCell> cells(String... texts) {
        return Arrays.stream(texts).map(SheetCell::text).toList();
    }

    private static ObjectNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
