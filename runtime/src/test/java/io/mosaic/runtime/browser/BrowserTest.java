package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.mosaic.runtime.support.RuntimeTest;

/**
 * What every browser test shares: one headless Chromium per test class against the runtime on a random port, a
 * screenshot of whatever the browser showed when a test fails, and no script error logged by any page.
 */
@Tag("browser")
abstract class BrowserTest extends RuntimeTest {

    static Browser browser;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    };

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(browser.scriptErrors()).isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in on a fresh page, after forgetting any earlier session, and waits for the launcher. */
    void signIn(String username, String password) {
        browser.openSignedOut(url("/"));
        browser.type("input[name=username]", username);
        browser.type("input[name=password]", password);
        browser.click("button[type=submit]");
        browser.waitFor("[data-test=launcher]");
    }
}
