package io.mosaic.runtime.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.support.DatabaseFingerprint;

/**
 * Uploading files for a form's attachment and image fields, putting them on records and downloading them, under
 * each user's permissions; and what hostile uploads and borrowed file ids get.
 */
class FileApiTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Value("${mosaic.files.dir}")
    Path filesDir;

    private final String app = unique("fa").toLowerCase();
    private final String clerk = unique("clerk");
    private final String dealerRep = unique("dealer");
    private final String reader = unique("reader");
    private final String secretive = unique("secretive");

    @BeforeEach
    void publishAClaimForm() {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "报销", "en": "Claims"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [
                   {"key": "%s", "name": {"zh-CN": "文员", "en": "Clerk"},
                    "grants": [{"form": "claim", "actions": ["create", "read", "update"], "rowScope": "all",
                                "fields": {"approved_scan": "read_only"}}]},
                   {"key": "%s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                    "grants": [{"form": "claim", "actions": ["create", "read", "update"], "rowScope": "own_dealer",
                                "fields": {"photo": "hidden"}}]},
                   {"key": "%s", "name": {"zh-CN": "读者", "en": "Reader"},
                    "grants": [{"form": "claim", "actions": ["read"], "rowScope": "all"}]},
                   {"key": "%s", "name": {"zh-CN": "保密", "en": "Secretive"},
                    "grants": [{"form": "claim", "actions": ["read"], "rowScope": "all", "fields": {"receipt": "hidden"}}]}],
                 "definitions": [{"kind": "form", "key": "claim"}]}"""
                .formatted(app, clerk, dealerRep, reader, secretive);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "claim", """
                {"key": "claim", "name": {"zh-CN": "报销", "en": "Claim"},
                 "fields": [
                   {"key": "title", "type": "text", "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "receipt", "type": "attachment", "label": {"zh-CN": "票据", "en": "Receipt"},
                    "accept": [".pdf", ".png"], "maxSizeMb": 1},
                   {"key": "photo", "type": "image", "label": {"zh-CN": "照片", "en": "Photo"}},
                   {"key": "approved_scan", "type": "image", "label": {"zh-CN": "批复", "en": "Approval"}},
                   {"key": "lines", "type": "subtable", "label": {"zh-CN": "明细", "en": "Lines"},
                    "columns": [
                      {"key": "item", "type": "text", "label": {"zh-CN": "项目", "en": "Item"}},
                      {"key": "receipt", "type": "attachment", "label": {"zh-CN": "凭证", "en": "Voucher"}}]}
                 ]}""", null, ACTOR);
    }

    @Test
    void uploadsAFileAttachesItToARecordAndLetsReadersDownloadIt() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        byte[] png = fixture("pixel.png");
        JsonNode file = body(upload(user, "photo", "shelf.png", png)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("shelf.png"))
                .andExpect(jsonPath("$.size").value(png.length))
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(header().string("Location", startsWith(files() + "/"))));
        String id = file.get("id").asText();

        long record = id(create(user, "{\"title\": \"Shelf\", \"photo\": [" + file + "]}"));

        mvc.perform(get(record(record)).with(user)).andExpect(jsonPath("$.photo[0].id").value(id));
        mvc.perform(get(files() + "/" + id).with(as(user(reader))))
                .andExpect(status().isOk())
                .andExpect(content().bytes(png))
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment;")))
                .andExpect(header().string("Content-Disposition", containsString("shelf.png")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
        mvc.perform(get(files() + "/" + id).param("inline", "true").with(user))
                .andExpect(header().string("Content-Disposition", startsWith("inline;")));
        assertThat(jdbc.sql("SELECT record_id, sha256, created_by FROM MO_FILE WHERE id = ?").param(id).query().singleRow())
                .containsEntry("record_id", record)
                .containsKey("sha256");
    }

    @Test
    void neverShowsAnAttachmentInlineWhateverIsAsked() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        String id = body(upload(user, "receipt", "report.pdf", fixture("report.pdf"))).get("id").asText();

        mvc.perform(get(files() + "/" + id).param("inline", "true").with(user))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment;")));
    }

    @Test
    void uploadsForASubtableColumnAndServesItToTheRecordsReaders() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        JsonNode file = body(upload(user, "lines.receipt", "voucher.pdf", fixture("report.pdf")).andExpect(status().isCreated()));

        create(user, "{\"lines\": [{\"item\": \"Taxi\"}, {\"item\": \"Hotel\", \"receipt\": [" + file + "]}]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[1].receipt[0].name").value("voucher.pdf"));

        mvc.perform(get(files() + "/" + file.get("id").asText()).with(as(user(reader)))).andExpect(status().isOk());
        upload(user, "lines.item", "voucher.pdf", fixture("report.pdf")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("field"));
    }

    @Test
    void refusesHtmlDisguisedAsAPngAndKeepsNothing() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);
        long stored = storedFiles();

        upload(user, "photo", "cat.png", fixture("page.html.png"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("file.invalid"))
                .andExpect(jsonPath("$.errors[0].code").value("file_type"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/photo"))
                .andExpect(jsonPath("$.errors[0].message").value("Photo accepts only .png .jpg .jpeg .gif .webp files"));
        upload(user, "receipt", "cat.png", fixture("page.html.png")).andExpect(status().isUnsupportedMediaType());
        upload(user, "receipt", "page.html", fixture("page.html.png")).andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].message").value("Receipt accepts only .pdf .png files"));

        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(stored);
    }

    @Test
    void rejectsOversizedUpload() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        byte[] pdf = Arrays.copyOf(fixture("report.pdf"), 1_048_577);

        upload(user, "receipt", "big.pdf", pdf)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].code").value("file_too_large"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/receipt"))
                .andExpect(jsonPath("$.errors[0].message").value("Receipt files must be at most 1 MB"));
        upload(user, "receipt", "fits.pdf", Arrays.copyOf(pdf, 1_048_576)).andExpect(status().isCreated());
    }

    @Test
    void keepsOnlyTheLastSegmentOfAPathTraversalNameAndStoresTheBytesUnderTheId() throws Exception {
        RequestPostProcessor user = as(user(clerk));

        JsonNode file = body(upload(user, "photo", "../../../../etc/cron.d/evil.png", fixture("pixel.png"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("evil.png")));
        body(upload(user, "photo", "..\\..\\windows\\evil\u202Egnp.png", fixture("pixel.png"))
                .andExpect(jsonPath("$.name").value("evilgnp.png")));

        String id = file.get("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(filesDir.resolve(id.substring(0, 2)).resolve(id)).exists();
        assertThat(Path.of("/etc/cron.d/evil.png")).doesNotExist();
        try (var walk = Files.walk(filesDir.toAbsolutePath().getParent())) {
            assertThat(walk.filter(p -> p.getFileName().toString().contains("evil"))).isEmpty();
        }
    }

    @Test
    void refusesUploadsForFieldsTheUserMayNotWrite() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        byte[] png = fixture("pixel.png");

        upload(user, "title", "a.png", png).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"));
        upload(user, "colour", "a.png", png).andExpect(status().isBadRequest());
        upload(as(createDealerUser(null, unique("d"), dealerRep)), "photo", "a.png", png).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("field"));
        upload(user, "approved_scan", "a.png", png).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("read_only"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/approved_scan"));
        upload(as(user(reader)), "photo", "a.png", png).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.forbidden"));
        upload(as(user(secretive)), "receipt", "a.png", png).andExpect(status().isForbidden());
        upload(as(createDealerUser(null, null)), "photo", "a.png", png).andExpect(status().isNotFound());
    }

    @Test
    void refusesAnotherUsersFileOrAGuessedIdInARecord() throws Exception {
        RequestPostProcessor owner = as(user(clerk));
        RequestPostProcessor thief = as(user(clerk));
        JsonNode file = body(upload(owner, "photo", "mine.png", fixture("pixel.png")));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);

        create(thief, "{\"title\": \"Mine now\", \"photo\": [" + file + "]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("record.invalid"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/photo/0"))
                .andExpect(jsonPath("$.errors[0].code").value("file_not_found"));
        create(owner, "{\"photo\": [{\"id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"name\": \"a.png\", \"size\": 1, "
                + "\"contentType\": \"image/png\"}]}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("file_not_found"));
        create(owner, "{\"receipt\": [" + file.toString().replace("mine.png", "mine.pdf") + "]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/receipt/0"));

        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
        mvc.perform(get(files() + "/" + file.get("id").asText()).with(thief)).andExpect(status().isNotFound());
    }

    @Test
    void refusesAFileAnotherRecordAlreadyHolds() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        JsonNode file = body(upload(user, "photo", "once.png", fixture("pixel.png")));
        long first = id(create(user, "{\"photo\": [" + file + "]}"));

        create(user, "{\"photo\": [" + file + "]}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("file_not_found"));

        RequestPostProcessor colleague = as(user(clerk));
        update(colleague, first, 1, "{\"title\": \"Still there\", \"photo\": [" + file + "]}").andExpect(status().isOk());
    }

    @Test
    void storesTheNameSizeAndTypeOfTheUploadNotTheClients() throws Exception {
        RequestPostProcessor user = as(user(clerk));
        JsonNode file = body(upload(user, "receipt", "invoice.pdf", fixture("report.pdf")));
        String lie = "{\"id\": \"" + file.get("id").asText() + "\", \"name\": \"payday.png\", \"size\": 1, "
                + "\"contentType\": \"image/png\"}";

        create(user, "{\"receipt\": [" + lie + "]}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.receipt[0].name").value("invoice.pdf"))
                .andExpect(jsonPath("$.receipt[0].size").value(file.get("size").asLong()))
                .andExpect(jsonPath("$.receipt[0].contentType").value("application/pdf"));
    }

    @Test
    void keepsAFileFromEveryoneWhoMayNotReadARecordHoldingIt() throws Exception {
        RequestPostProcessor rep = as(createDealerUser(null, unique("d"), dealerRep));
        RequestPostProcessor otherRep = as(createDealerUser(null, unique("d"), dealerRep));
        RequestPostProcessor hidden = as(user(secretive));
        JsonNode unattached = body(upload(rep, "receipt", "draft.pdf", fixture("report.pdf")));
        JsonNode file = body(upload(rep, "receipt", "a.pdf", fixture("report.pdf")));
        long record = id(create(rep, "{\"receipt\": [" + file + "]}"));
        String download = files() + "/" + file.get("id").asText();

        mvc.perform(get(files() + "/" + unattached.get("id").asText()).with(rep)).andExpect(status().isOk());
        mvc.perform(get(files() + "/" + unattached.get("id").asText()).with(as(user(clerk))))
                .andExpect(status().isNotFound());
        mvc.perform(get(download).with(rep)).andExpect(status().isOk());
        mvc.perform(get(download).with(otherRep)).andExpect(status().isNotFound());
        mvc.perform(get(download).with(hidden)).andExpect(status().isNotFound());
        mvc.perform(get("/api/apps/" + app + "/forms/other/files/" + file.get("id").asText()).with(rep))
                .andExpect(status().isNotFound());
        mvc.perform(get(files() + "/..%2F..%2Fetc%2Fpasswd").with(rep)).andExpect(status().is4xxClientError());
        mvc.perform(get(files() + "/etc.passwd").with(rep)).andExpect(status().isNotFound());

        update(rep, record, 1, "{\"receipt\": null}").andExpect(status().isOk());
        mvc.perform(get(download).with(rep)).andExpect(status().isNotFound());
        mvc.perform(get(download).with(as(user(reader)))).andExpect(status().isNotFound());
    }

    private User user(String role) {
        return createDealerUser(null, null, role);
    }

    private ResultActions upload(RequestPostProcessor user, String field, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart(files()).file(new MockMultipartFile("file", name, "image/png", bytes))
                .param("field", field).param("locale", "en").with(user));
    }

    private ResultActions create(RequestPostProcessor user, String record) throws Exception {
        return mvc.perform(post(records()).param("locale", "en").with(user).contentType(MediaType.APPLICATION_JSON)
                .content(record));
    }

    private ResultActions update(RequestPostProcessor user, long id, int version, String patch) throws Exception {
        return mvc.perform(patch(record(id)).with(user).header("If-Match", String.valueOf(version))
                .contentType(MediaType.APPLICATION_JSON).content(patch));
    }

    private long id(ResultActions created) throws Exception {
        return body(created.andExpect(status().isCreated())).get("id").asLong();
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private long storedFiles() throws IOException {
        try (var walk = Files.walk(filesDir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FileApiTest.class.getResourceAsStream("/files/" + name)) {
            return in.readAllBytes();
        }
    }

    private String files() {
        return "/api/apps/" + app + "/forms/claim/files";
    }

    private String records() {
        return "/api/apps/" + app + "/forms/claim/records";
    }

    private String record(long id) {
        return records() + "/" + id;
    }
}
