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

    /**
     * "New …" on the design home for a definition of {@code kind} (rules, decision, report, dashboard): key, names,
     * and what it starts from as the dialog's list shows it (a form "Order (order)", a report's name).
     */
    void create(String kind, String key, String nameZh, String nameEn, String startLabel) {
        browser.click("[data-test=new-" + kind + "]:enabled");
        String dialog = "[data-test=new-rule-dialog] ";
        browser.type(dialog + "input[name=key]", key);
        browser.type(dialog + "input[name=nameZh]", nameZh);
        browser.type(dialog + "input[name=nameEn]", nameEn);
        browser.select(dialog + "select[name=form]", startLabel);
        browser.click(dialog + "button[type=submit]");
    }
}
