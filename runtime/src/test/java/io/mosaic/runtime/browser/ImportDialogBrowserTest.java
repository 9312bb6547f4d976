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
 * The import dialog in headless Chromium against the real runtime. No page hosts it yet (the records list will),
 * so the test mounts the component itself in the signed-in workspace, with the workspace's own modules, and
 * drives it as a user would: choose a file and a mode, upload, watch the job, read the result, download the
 * error report.
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

        browser.openSignedOut(url("/"));
        browser.type("input[name=username]", "admin");
        browser.type("input[name=password]", ADMIN_PASSWORD);
        browser.click("button[type=submit]");
        browser.waitFor("[data-test=launcher]");
        Object mounted = browser.runAsync("""
                const [app, done] = [arguments[0], arguments[arguments.length - 1]];
                (async () => {
                  const vue = await import('vue');
                  const dialog = await import('/js/components/ImportDialog.js');
                  const host = document.body.appendChild(document.createElement('div'));
                  vue.createApp({ render: () => vue.h(dialog.default, { app, form: 'deal',
                    onDone: job => { document.body.dataset.imported = job.created; } }) }).mount(host);
                  done(dialog.exportUrl(app, 'deal', { format: 'csv', filters: ['amount:gt:5'], sort: '-amount' }));
                })().catch(e => done('failed: ' + e));""", app);
        assertThat(mounted.toString()).startsWith("/api/apps/" + app + "/forms/deal/export?format=csv&locale=")
                .endsWith("&filter=amount%3Agt%3A5&sort=-amount");
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
        browser.click("[data-test=import-errors]");
        Path report = browser.waitForDownload(".csv");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("3,B 金额,amount,type");
    }
}
