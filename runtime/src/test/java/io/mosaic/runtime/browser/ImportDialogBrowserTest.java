package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.runtime.metadata.MetadataService;

/**
 * Importing from a form's records list in headless Chromium against the real runtime, as a user would: Import,
 * choose a file and a mode, upload, watch the job, read the result, see the new records in the list behind the
 * dialog, download the error report.
 */
@Tag("browser")
class ImportDialogBrowserTest extends BrowserTest {

    private static final String ADMIN_PASSWORD = "admin-test-pw";

    @Autowired
    MetadataService metadata;

    private final String app = "imp" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Test
    void importsTheValidRowsOfAFileAndOffersTheErrorReport() throws IOException {
        metadata.createApp(app, """
                {"key": "%s", "name": {"zh-CN": "导入", "en": "Imports"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "definitions": [{"kind": "form", "key": "deal"}]}""".formatted(app), "admin");
        metadata.publishContent(app, "form", "deal", """
                {"key": "deal", "name": {"zh-CN": "交易", "en": "Deal"},
                 "fields": [
                   {"key": "title", "type": "text", "required": true, "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}}]}""", null, "admin");
        Path file = Files.createTempDirectory("mosaic-import").resolve("deals.csv");
        Files.writeString(file, "标题,金额\n螺栓,10\n垫圈,many\n轴承,30\n", StandardCharsets.UTF_8);

        signIn("admin", ADMIN_PASSWORD);
        browser.go(url("/#/apps/" + app + "/form/deal"));
        browser.waitFor("[data-test=no-records]");
        browser.click("[data-test=import-records]");
        browser.waitFor("[data-test=import-dialog]");
        browser.attach("[data-test=import-file]", file);
        browser.click("[data-test=import-mode-valid_only]");
        browser.screenshot("import-01-chosen");
        browser.click("[data-test=import-start]");

        browser.waitFor("[data-test=import-result]");
        browser.screenshot("import-02-result");
        assertThat(browser.text("[data-test=import-created]")).isEqualTo("2");
        assertThat(browser.text("[data-test=import-failed]")).isEqualTo("1");
        assertThat(browser.fetch("/api/apps/" + app + "/forms/deal/records?sort=amount").body())
                .contains("螺栓", "轴承").doesNotContain("垫圈");
        browser.waitForText("[data-test=record-list] tbody", "轴承");
        browser.click("[data-test=import-errors]");
        Path report = browser.waitForDownload(".csv");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("3,B 金额,amount,type");
    }
}
