package io.mosaic.runtime.browser;

/**
 * What the designer drivers share: the browser they drive, the runtime's address, and the way to an app's design
 * home, through the Design entry on the app's page.
 */
abstract class DesignerDriver {

    final Browser browser;
    final String baseUrl;

    DesignerDriver(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** The design home, shown once its part ({@code data-test} {@code home}) lets the {@code create} button work. */
    void openDesignHome(String app, String home, String create) {
        browser.go(baseUrl + "/#/apps/" + app);
        browser.click("[data-test=design-app]");
        browser.waitFor("[data-test=" + home + "]");
        browser.waitFor("[data-test=" + create + "]:enabled");
    }
}
