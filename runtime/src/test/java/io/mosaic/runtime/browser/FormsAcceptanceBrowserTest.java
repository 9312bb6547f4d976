package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;

/**
 * The acceptance scenario of the forms issue, end to end in headless Chromium: an analyst drags an order form with
 * line items and a total formula together in the designer and publishes it; a sales clerk opens it from the app
 * menu, fills it in while the line amounts and the total follow the typing, saves it, finds it in the list and
 * exports the list, whose file holds the order as the server computed it.
 */
@Tag("browser")
class FormsAcceptanceBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct-horse-1";

    @Autowired
    MetadataService metadata;

    @Autowired
    UserService users;

    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String app = "accept_" + suffix;

    @Test
    void analystBuildsAnOrderFormAndAClerkFillsInFindsAndExportsAnOrder() throws IOException {
        String clerkRole = "clerk_" + suffix;
        // The app's manifest: a clerk role that may work with orders, and no menu yet.
        metadata.createApp(app, """
                {"key": "%1$s", "name": {"zh-CN": "销售 %2$s", "en": "Sales %2$s"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%3$s", "name": {"zh-CN": "销售文员", "en": "Sales clerk"},
                            "grants": [{"form": "order", "actions": ["create", "read", "update", "export"], "rowScope": "own"}]}],
                 "definitions": [{"kind": "form", "key": "order"}]}""".formatted(app, suffix, clerkRole), "admin");
        metadata.publish(app, MetadataService.APP_KIND, app, null, "admin");
        String analyst = "analyst_" + suffix;
        String clerk = "clerk_" + suffix;
        users.create(new UserRequest(analyst, "Ann Analyst", null, PASSWORD, null, null, null, List.of("analyst"), "en", null));
        users.create(new UserRequest(clerk, "Carl Clerk", null, PASSWORD, null, null, null, List.of(clerkRole), "en", null));

        browser.desktop();
        browser.viewport(1366, 768);
        signIn(analyst, PASSWORD);
        FormDesignerDriver designer = new FormDesignerDriver(browser, url(""));
        designer.openDesignHome(app);
        designer.createForm("order", "订单", "Order");
        designer.dragField("text");
        designer.name("customer", "客户", "Customer");
        designer.check("required");
        designer.dragOrderLines();
        assertThat(designer.formulaCheck("quantity * price")).isEqualTo(-1);
        designer.dragField("formula");
        designer.name("total", "合计", "Total");
        designer.typeFormula("SUM(lines.amount)");
        assertThat(designer.formulaCheck("SUM(lines.amount)")).isEqualTo(-1);
        browser.screenshot("accept-01-designed");
        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("accept-02-published");
        designer.openDesignHome(app);
        browser.click("[data-test=add-menu-order]");
        browser.waitFor("[data-test=in-menu-order]");
        browser.screenshot("accept-03-added-to-menu");
        signOut();

        signIn(clerk, PASSWORD);
        browser.click("[data-app=" + app + "]");
        browser.click(".sidebar [data-menu=order]");
        browser.waitFor("[data-test=no-records]");
        browser.click("[data-test=new-record]");
        browser.type("input[name=customer]", "Acme Ltd");
        browser.click("[data-test=add-row]");
        browser.type("[data-test=row-0] input[name='lines.product']", "Bolt M8");
        browser.type("[data-test=row-0] input[name='lines.quantity']", "3");
        browser.type("[data-test=row-0] input[name='lines.price']", "12.5");
        browser.waitForText("[data-test=value-total]", "37.5");
        browser.click("[data-test=add-row]");
        browser.type("[data-test=row-1] input[name='lines.product']", "Nut M8");
        browser.type("[data-test=row-1] input[name='lines.quantity']", "40");
        browser.type("[data-test=row-1] input[name='lines.price']", "0.25");
        browser.waitForText("[data-test=row-1] [data-test='value-lines.amount']", "10");
        browser.waitForText("[data-test=value-total]", "47.5");
        browser.screenshot("accept-04-filled-in-live-total");
        browser.click("[data-test=save-record]");
        browser.waitFor("[data-test=edit-record]");
        assertThat(browser.text("[data-test=value-total]")).contains("47.5");
        browser.screenshot("accept-05-saved");

        browser.click(".back-link");
        browser.waitForText("[data-test=record-list] tbody", "Acme Ltd");
        assertThat(browser.text("[data-test=record-list] tbody")).contains("47.5");
        browser.screenshot("accept-06-in-the-list");
        browser.click("[data-test=export-csv]");
        Path export = browser.waitForDownload(".csv");
        String csv = Files.readString(export, StandardCharsets.UTF_8);
        assertThat(csv).contains("Customer", "Total", "Acme Ltd", "47.5");
    }


    private void signOut() {
        browser.click("[data-test=user-menu]");
        browser.click("[data-test=logout]");
        browser.waitFor(".login-card");
    }
}
