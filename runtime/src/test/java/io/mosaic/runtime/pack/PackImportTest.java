package io.mosaic.runtime.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static io.mosaic.runtime.support.BrowserCsrf.csrfToken;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.mosaic.api.app.AppManifest;
import io.mosaic.form.store.SqlNames;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.support.DatabaseFingerprint;
import io.mosaic.runtime.support.RuntimeTest;

class PackImportTest extends RuntimeTest {

    private static final RequestPostProcessor ADMIN = user("packer").roles("admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    MetadataService metadata;

    @Autowired
    DataSource dataSource;

    @Autowired
    PackService packs;

    private final String app = "pk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void dryRunListsTheInstallAndWritesNothing() throws Exception {
        Map<String, String> before = DatabaseFingerprint.of(dataSource);

        upload(TestPack.app(app, "1.0.0").form("item", "title:text").zip(), true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("install"))
                .andExpect(jsonPath("$.toVersion").value("1.0.0"))
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.changes[0].key").value("item"))
                .andExpect(jsonPath("$.changes[0].change").value("add"))
                .andExpect(jsonPath("$.changes[0].ddl[0]").value(org.hamcrest.Matchers.startsWith(
                        "CREATE TABLE IF NOT EXISTS `" + SqlNames.table(app, "item") + "`")))
                .andExpect(jsonPath("$.roles[0]").value(app + "_clerk"));

        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
        assertThat(metadata.app(app)).isEmpty();
    }

    @Test
    void freshInstallPublishesEveryDefinitionAndTheManifest() throws Exception {
        upload(TestPack.app(app, "1.0.0").form("item", "title:text").form("note", "body:textarea").zip(), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true));

        assertThat(metadata.app(app)).hasValueSatisfying(a -> assertThat(a.version()).isEqualTo("1.0.0"));
        assertThat(metadata.latestPublished(app, "form", "item")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(metadata.latestPublished(app, "form", "note")).isPresent();
        mvc.perform(get("/api/roles").with(ADMIN))
                .andExpect(jsonPath("$[?(@.key=='" + app + "_clerk')].grants[*].form", org.hamcrest.Matchers.containsInAnyOrder("item", "note")));
    }

    @Test
    void upgradeAddsAndUpdatesDefinitionsAndKeepsEverythingInstalled() throws Exception {
        install(TestPack.app(app, "1.0.0").form("item", "title:text").form("legacy", "code:text"));
        String itemV1 = metadata.latestPublished(app, "form", "item").orElseThrow().content();

        TestPack upgrade = TestPack.app(app, "1.1.0").form("item", "title:text", "amount:decimal").form("extra", "memo:text");
        upload(upgrade.zip(), true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("upgrade"))
                .andExpect(jsonPath("$.fromVersion").value("1.0.0"))
                .andExpect(jsonPath("$.changes[?(@.key=='item')].change").value("update"))
                .andExpect(jsonPath("$.changes[?(@.key=='extra')].change").value("add"))
                .andExpect(jsonPath("$.changes[?(@.key=='item')].ddl[*]").value(org.hamcrest.Matchers.contains(
                        "ALTER TABLE `" + SqlNames.table(app, "item") + "` ADD COLUMN `amount` DECIMAL(18,4)")))
                .andExpect(jsonPath("$.changes[?(@.key=='legacy')].change").value("kept"))
                .andExpect(jsonPath("$.changes[?(@.key=='legacy')].ddl[*]").isEmpty());
        upload(upgrade.zip(), false).andExpect(status().isOk());

        assertThat(metadata.app(app).orElseThrow().version()).isEqualTo("1.1.0");
        assertThat(metadata.latestPublished(app, "form", "item").orElseThrow().version()).isEqualTo(2);
        assertThat(metadata.version(app, "form", "item", 1).content()).isEqualTo(itemV1);
        assertThat(metadata.latestPublished(app, "form", "legacy")).isPresent();
        assertThat(metadata.latestPublished(app, "form", "extra")).isPresent();
    }

    @Test
    void installsDefinitionsListedBeforeWhatTheyNameAsWellAsAfter() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("app.json", """
                {"key": "%s", "name": {"zh-CN": "测试", "en": "Test"}, "version": "1.0.0", "platform": ">=0.1.0 <1.0.0",
                 "definitions": [{"kind": "report", "key": "by_title"}, {"kind": "dataset", "key": "items"},
                                 {"kind": "form", "key": "item"}]}""".formatted(app).getBytes(StandardCharsets.UTF_8));
        files.put("by_title.report.json", """
                {"key": "by_title", "name": {"zh-CN": "按标题", "en": "By title"}, "dataset": "items",
                 "dimensions": ["title"], "measures": ["count"], "chart": {"type": "bar"}}"""
                .getBytes(StandardCharsets.UTF_8));
        files.put("items.dataset.json", """
                {"key": "items", "name": {"zh-CN": "条目", "en": "Items"}, "source": {"form": "item"},
                 "dimensions": [{"key": "title", "field": "title", "label": {"zh-CN": "标题", "en": "Title"}}],
                 "measures": [{"key": "count", "label": {"zh-CN": "数量", "en": "Count"},
                               "aggregation": "distinct_count", "field": "id"}]}""".getBytes(StandardCharsets.UTF_8));
        files.put("item.form.json", TestPack.app(app, "1.0.0").form("item", "title:text").files().get("item.form.json")
                .getBytes(StandardCharsets.UTF_8));

        upload(packs.pack(files), false).andExpect(status().isOk());

        assertThat(metadata.latestPublished(app, "report", "by_title")).isPresent();
    }

    @Test
    void refusesADowngradeAndTheSameVersionAgain() throws Exception {
        install(TestPack.app(app, "1.1.0").form("item", "title:text"));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);

        upload(TestPack.app(app, "1.0.0").form("item", "title:text").zip(), false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("pack.downgrade"));
        upload(TestPack.app(app, "1.1.0").form("item", "title:text", "x:text").zip(), true)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("pack.same_version"));

        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
    }

    @Test
    void refusesAnUpgradeThatWouldLoseDataAndWritesNothing() throws Exception {
        install(TestPack.app(app, "1.0.0").form("item", "title:text", "amount:decimal"));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);

        upload(TestPack.app(app, "2.0.0").form("item", "title:text", "amount:date").form("fresh", "a:text").zip(), false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("pack.data_loss"))
                .andExpect(jsonPath("$.errors[0].pointer").value("item.form.json#/fields/1/type"));

        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
        assertThat(metadata.latestPublished(app, "form", "fresh")).isEmpty();
    }

    @Test
    void hostilePacksAreRejectedAndLeaveTheDatabaseUntouched() throws Exception {
        install(TestPack.app(app, "1.0.0").form("item", "title:text"));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);
        TestPack next = TestPack.app(app, "1.1.0").form("item", "title:text", "n:integer");

        expectRejected(TestPack.zip(Map.of("../../evil.form.json", "{}", "manifest.json", "{}")), "../../evil.form.json");
        expectRejected(next.lieAboutChecksum("item.form.json").zip(), "item.form.json");
        expectRejected(TestPack.app(app, "1.2.0").form("item", "title:text").extraFile("stray.form.json", "{}").zip(),
                "stray.form.json");
        expectRejected(TestPack.app(app, "1.3.0").rawForm("item", "{\"key\":\"item\",\"fields\":\"no\"}").zip(),
                "item.form.json#");
        expectRejected(TestPack.app(app, "1.4.0").form("item", "title:text").platform(">=9.0.0").zip(), "app.json#/platform");
        expectRejected(TestPack.zip(Map.of("app.json", TestPack.app(app, "1.5.0").appJson())), "manifest.json");
        expectRejected(TestPack.zipOfZeros("app.json", 100 * 1024 * 1024), "app.json");

        assertThat(DatabaseFingerprint.of(dataSource)).isEqualTo(before);
        assertThat(metadata.app(app).orElseThrow().version()).isEqualTo("1.0.0");
    }

    @Test
    void exportGivesAPackWhoseChecksumsHoldAndWhichReimportsAsTheSameVersion() throws Exception {
        install(TestPack.app(app, "1.0.0").form("item", "title:text").form("note", "body:textarea"));

        byte[] zip = mvc.perform(get("/api/apps/{app}/export", app).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        PackFiles files = packs.read(new ByteArrayInputStream(zip));
        assertThat(files.names()).containsExactlyInAnyOrder("manifest.json", "app.json", "item.form.json", "note.form.json");
        assertThat(files.text("item.form.json")).isEqualTo(metadata.latestPublished(app, "form", "item").orElseThrow().content());
        upload(zip, true).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("pack.same_version"));
    }

    @Test
    void exportCarriesADefinitionPublishedInTheDesignerThatTheManifestDoesNotListAndListsIt() throws Exception {
        install(TestPack.app(app, "1.0.0").form("item", "title:text"));
        String visit = """
                {"key": "visit", "name": {"zh-CN": "拜访", "en": "Visit"},
                 "fields": [{"key": "note", "type": "text", "label": {"zh-CN": "备注", "en": "Note"}}]}""";
        metadata.publishContent(app, "form", "visit", visit, "made in the designer", "analyst");

        byte[] zip = mvc.perform(get("/api/apps/{app}/export", app).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        PackFiles files = packs.read(new ByteArrayInputStream(zip));
        assertThat(files.text("visit.form.json")).isEqualTo(visit);
        assertThat(AppManifest.read(files.text("app.json")).definitions())
                .extracting(ref -> ref.kind() + "/" + ref.key()).containsExactly("form/item", "form/visit");
        // Valid as a pack: what stops it here is only that this version is installed already.
        upload(zip, true).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("pack.same_version"));
    }

    @Test
    void exportOfAnUnknownAppIs404() throws Exception {
        mvc.perform(get("/api/apps/{app}/export", app).with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void importNeedsAnAdminOrAnalyst() throws Exception {
        mvc.perform(multipart("/api/packs/import").file(file(TestPack.app(app, "1.0.0").form("item", "t:text").zip()))
                        .with(user("clerk").roles("clerk")).with(csrfToken()))
                .andExpect(status().isForbidden());
    }

    private void install(TestPack pack) throws Exception {
        upload(pack.zip(), false).andExpect(status().isOk());
    }

    private void expectRejected(byte[] zip, String pointerPrefix) throws Exception {
        upload(zip, false)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("pack.invalid"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains("\"pointer\":\"" + pointerPrefix));
    }

    private ResultActions upload(byte[] zip, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/packs/import").file(file(zip)).param("dryRun", String.valueOf(dryRun))
                .with(ADMIN).with(csrfToken()));
    }

    private static MockMultipartFile file(byte[] zip) {
        return new MockMultipartFile("file", "pack.zip", "application/zip", zip);
    }
}
