package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.RecordStore;
import io.mosaic.runtime.form.PublishedForms;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;

/**
 * The records workspace in headless Chromium: a clerk opens a form from the app menu, fills in a new order whose
 * line amounts and total follow the lines as they are typed, sees the server's validation next to the cell at
 * fault before saving, a condition showing a field, saves, edits (history), filters the list, and does it all
 * again on a 390 px phone screen.
 */
@Tag("browser")
class RecordsWorkspaceBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct-horse-1";

    @Autowired
    MetadataService metadata;

    @Autowired
    UserService users;

    @Autowired
    PublishedForms forms;

    @Autowired
    DataSource dataSource;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String app = "rw" + suffix;
    private final String clerk = "clerk" + suffix;

    @BeforeEach
    void publishAnOrderFormForAClerk() throws IOException, SQLException {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "销售", "en": "Sales"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "文员", "en": "Clerk"},
                            "grants": [{"form": "order", "actions": ["create", "read", "update", "delete", "export"],
                                        "rowScope": "own"},
                                       {"form": "customer", "actions": ["read"], "rowScope": "all"}]}],
                 "menus": [{"key": "orders", "name": {"zh-CN": "订单", "en": "Orders"},
                            "target": {"kind": "form", "key": "order"}}],
                 "definitions": [{"kind": "form", "key": "order"}, {"kind": "form", "key": "customer"}]}"""
                .formatted(app, clerk);
        metadata.createApp(app, manifest, "analyst");
        metadata.publishContent(app, "form", "customer", fixture("workspace-customer.form.json"), null, "analyst");
        metadata.publishContent(app, "form", "order", fixture("workspace-order.form.json"), null, "analyst");
        PublishedForms.Published customer = forms.latest(app, "customer").orElseThrow();
        RecordStore customers = new RecordStore(dataSource, app, customer.version(), customer.validator(), Clock.systemUTC());
        for (String name : List.of("Acme Ltd", "Bolt & Co", "Acme Trading")) {
            customers.create("{\"name\": \"" + name + "\"}", new Actor(1, null, null), Locale.ENGLISH);
        }
        // Publishing the manifest installs its roles and shows its menu.
        metadata.publish(app, MetadataService.APP_KIND, app, null, "analyst");
        users.create(new UserRequest(clerk, "Clara Clerk", null, PASSWORD, null, null, null, List.of(clerk), "en", null));
        browser.desktop();
        signIn(clerk, PASSWORD);
    }

    private String fixture(String name) throws IOException {
        try (var in = getClass().getResourceAsStream("/browser/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void clerkFillsInAnOrderWithLiveTotalsSavesEditsAndFindsItInTheList() throws IOException {
        browser.click("[data-app=" + app + "]");
        browser.click(".sidebar [data-menu=orders]");
        browser.waitFor("[data-test=no-records]");
        browser.screenshot("records-01-empty-list");

        browser.click("[data-test=new-record]");
        browser.waitFor("[data-test=record-page] [data-field=customer]");
        assertThat(browser.all("[data-test=subtable-lines] [data-test^=row-]")).hasSize(1);
        assertThat(browser.text("[data-test=value-number]")).isEqualTo("Assigned when saved");
        assertThat(browser.all("[data-field=express_note]")).isEmpty();

        browser.type("[data-test=lookup-customer]", "trading");
        browser.waitForCount("[data-test=input-customer] .picker-list button", 1);
        browser.click("[data-test=input-customer] .picker-list button");
        browser.waitForText("[data-test=input-customer] .picker-value", "Acme Trading");
        browser.type("input[name=reference]", "PO 'Robert'); DROP TABLE x;--");
        Path contract = Files.createTempFile("contract", ".txt");
        Files.writeString(contract, "Delivery within 5 days.");
        browser.attach("[data-test=input-contract] input[type=file]", contract);
        browser.waitForText("[data-test=input-contract] .file-list", contract.getFileName().toString());
        browser.setValue("input[name=order_date]", "2026-11-24");
        fillLine(0, "Bolts", "3", "12.5");
        browser.waitForText("[data-test=row-0] [data-test='value-lines.amount']", "37.5");
        browser.click("[data-test=add-row]");
        fillLine(1, "Nuts", "0", "10");
        // The server's validation, asked as the user types, lands on the cell at fault.
        browser.waitForText("[data-test=row-1] .field-error", "at least 1");
        browser.screenshot("records-02-inline-error");
        browser.type("[data-test=row-1] input[name='lines.quantity']", "2");
        browser.waitForText("[data-test=value-total]", "57.5");
        browser.waitUntilGone("[data-test=row-1] .field-error");

        browser.click("[data-test=input-express] .switch");
        browser.waitFor("[data-field=express_note] .required-mark");
        browser.type("input[name=express_note]", "Line stop at the customer");
        browser.screenshot("records-03-filled-in");

        browser.click("[data-test=save-record]");
        browser.waitForText("[data-test=record-title]", "SO-");
        String number = browser.text("[data-test=record-title]");
        assertThat(number).matches("SO-\\d{4}-0001");
        assertThat(browser.text("[data-test=value-total]")).contains("57.5");
        browser.screenshot("records-04-saved");

        browser.click("[data-test=edit-record]");
        browser.type("input[name=reference]", "PO 4711");
        browser.click("[data-test=save-record]");
        browser.waitFor("[data-test=edit-record]");
        browser.click("[data-test=history-tab]");
        browser.waitForText("[data-test=history]", "PO 4711");
        assertThat(browser.text("[data-test=history]")).contains("Customer reference", "DROP TABLE", "Clara Clerk");
        browser.screenshot("records-05-history");

        browser.click(".back-link");
        // The list is drawn before its rows arrive: wait for a row, not for the list.
        browser.waitFor("[data-test=record-list] tbody tr[data-test^=record-]");
        assertThat(browser.text("[data-test=record-list] tbody")).contains(number, "Acme Trading", "PO 4711", "Open");
        browser.click("[data-test=add-filter]");
        browser.select("[data-test=filter-0] select", "Customer reference");
        browser.type("[data-test=filter-value-0]", "no such customer");
        browser.click("[data-test=apply-filters]");
        browser.waitFor("[data-test=no-records]");
        browser.type("[data-test=filter-value-0]", "po 47");
        browser.click("[data-test=apply-filters]");
        browser.waitForText("[data-test=record-list] tbody", number);
        assertThat(browser.text("[data-test=records-count]")).isEqualTo("Records 1–1 · 1 in all");
        browser.screenshot("records-06-filtered-list");

        browser.emulatePhone(390, 844);
        browser.screenshot("records-07-phone-list");
        browser.click("[data-test=record-list] tbody tr");
        browser.waitFor("[data-test=edit-record]");
        browser.click("[data-test=edit-record]");
        browser.screenshot("records-08-phone-record");
        assertThat(browser.horizontalOverflow()).isFalse();
    }

    private void fillLine(int row, String product, String quantity, String price) {
        String at = "[data-test=row-" + row + "] ";
        browser.type(at + "input[name='lines.product']", product);
        browser.type(at + "input[name='lines.quantity']", quantity);
        browser.type(at + "input[name='lines.price']", price);
    }
}
