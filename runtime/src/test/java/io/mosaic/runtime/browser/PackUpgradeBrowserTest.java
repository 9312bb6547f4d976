package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.runtime.pack.NextDmsPack;
import io.mosaic.runtime.pack.PackService;

/**
 * The admin upgrades the dealer pack on the Packs page: the preview says what the upgrade touches (counts, the SQL
 * that adds the new order field's column, the new report), confirming applies it, and the older version is refused.
 * The pack goes in under a key of this run, beside the sample pack the shared installation has.
 */
@Tag("browser")
class PackUpgradeBrowserTest extends AppBrowserTest {

    @Autowired
    PackService packs;

    private final String app = "up_" + suffix;

    @Test
    void theAdminPreviewsAndAppliesAnUpgradeAndAnOlderVersionIsRefused() throws IOException {
        Map<String, byte[]> shipped = NextDmsPack.withKey(NextDmsPack.shipped(), app);
        packs.install(packs.read(new ByteArrayInputStream(packs.pack(shipped))), "admin");
        Path next = write(NextDmsPack.withKey(NextDmsPack.files(), app), NextDmsPack.version());
        Path older = write(shipped, NextDmsPack.shippedVersion());
        user("packs_" + suffix, "Pack admin", null, "en", "admin");
        laptopScreen();
        signIn("packs_" + suffix, PASSWORD);

        browser.go(url("/#/admin/packs"));
        browser.attach("input[name=pack]", next);
        browser.click("[data-test=preview-pack]");
        browser.waitFor(".plan[data-stage=previewed]");
        assertThat(browser.text(".plan .facts")).contains(app, "upgrade",
                NextDmsPack.shippedVersion() + " → " + NextDmsPack.version());
        assertThat(browser.text("[data-test=change-counts]")).contains("add 2", "update 1", "unchanged");
        browser.click("[data-ddl=order] summary");
        assertThat(browser.text("[data-ddl=order] pre")).contains("ALTER TABLE", "ADD COLUMN `po_number`");
        assertThat(browser.text("[data-test=plan-changes]")).contains("orders_by_po", "order_po");
        scrollTo("[data-ddl=order]");
        browser.screenshot("30-pack-upgrade-preview");

        browser.click("[data-test=confirm-pack]");
        browser.waitForText("[data-test=pack-applied]", "Upgraded " + app + " to " + NextDmsPack.version());
        scrollTo("[data-test=pack-applied]");
        browser.screenshot("31-pack-upgraded");
        assertThat(browser.fetch("/api/apps/" + app).body()).contains("\"version\":\"" + NextDmsPack.version() + "\"");

        browser.click("[data-test=reset-pack]");
        browser.attach("input[name=pack]", older);
        browser.click("[data-test=preview-pack]");
        browser.waitForText(".content .alert-error", "409");
        assertThat(browser.text(".content .alert-error")).contains("refused");
        browser.screenshot("32-pack-downgrade-refused");
    }

    private static void scrollTo(String css) {
        browser.runAsync("document.querySelector(arguments[0]).scrollIntoView({block: 'center'}); arguments[1]();", css);
    }

    private Path write(Map<String, byte[]> files, String version) throws IOException {
        return Files.write(Files.createTempDirectory("mosaic-pack").resolve(app + "-" + version + ".zip"),
                packs.pack(files));
    }
}
