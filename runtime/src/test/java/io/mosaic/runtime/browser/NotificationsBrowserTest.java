package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.runtime.flow.Todos;
import io.mosaic.runtime.notify.Channel;
import io.mosaic.runtime.notify.NotificationRequest;
import io.mosaic.runtime.notify.Notifications;
import io.mosaic.runtime.notify.WebhookReceiver;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;

/**
 * The bell and the delivery log in Chromium: a user sees the header count notifications sent to them, opens one from
 * the bell (it follows its link and counts as read) and marks the other read on the notifications page; an
 * administrator finds a failed webhook delivery with its error in the delivery log.
 */
@Tag("browser")
class NotificationsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Bell-pw-2024";

    @Autowired
    UserService users;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Todos todos;

    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @BeforeEach
    void wideScreen() {
        browser.desktop();
    }

    @Test
    void theBellCountsNewNotificationsAndOpeningOrMarkingThemReadClearsIt() {
        String reader = "reader_" + suffix;
        users.create(new UserRequest(reader, "Rita Reader", null, PASSWORD, null, null, null, List.of(), "en", null));
        signIn(reader, PASSWORD);
        assertThat(browser.all("[data-test=bell-count]")).isEmpty();

        send(NotificationRequest.inApp("cc", reader, new LocalizedText("抄送给你：差旅报销 #12", "Copied to you: travel claim #12"),
                null, "#/inbox/cc", Map.of()));
        send(NotificationRequest.inApp("task_assigned", reader, new LocalizedText("新待办：经理审批", "New task: manager review"),
                new LocalizedText("采购订单 SO-2024-0042", "Purchase order SO-2024-0042"), "#/inbox/todo", Map.of()));
        browser.click("a[href='#/inbox/todo']");
        browser.waitForText("[data-test=bell-count]", "2");
        browser.screenshot("notify-01-bell-count");

        browser.click("[data-test=bell]");
        browser.waitForCount("[data-test=bell-item]", 2);
        assertThat(browser.text("[data-test=bell-panel]")).contains("New task: manager review")
                .contains("Purchase order SO-2024-0042").contains("Copied to you: travel claim #12");
        browser.screenshot("notify-02-bell-open");

        browser.click("[data-test=bell-item]");
        browser.waitUntil(() -> browser.currentUrl().endsWith("#/inbox/todo"));
        browser.waitForText("[data-test=bell-count]", "1");

        browser.click("[data-test=bell]");
        browser.click("[data-test=bell-all]");
        browser.waitForCount("[data-test=notification-item]", 2);
        assertThat(browser.all("[data-test=notification-item][data-read=false]")).hasSize(1);
        browser.screenshot("notify-03-page-one-unread");
        browser.click("[data-test=mark-read]");
        browser.waitUntilGone("[data-test=bell-count]");
        assertThat(browser.all("[data-test=notification-item][data-read=true]")).hasSize(2);
        browser.screenshot("notify-04-all-read");
    }

    @Test
    void anAdministratorReadsWhyADeliveryFailedInTheDeliveryLog() {
        String hook = "missing_" + suffix;
        send(new NotificationRequest("order_big", Set.of(Channel.WEBHOOK), List.of(), List.of(hook),
                new LocalizedText("大额订单 SO-7", "Big order SO-7"), null, null, Map.of()));
        String admin = "ops_" + suffix;
        users.create(new UserRequest(admin, "运维管理员", null, PASSWORD, null, null, null, List.of("admin"), "zh-CN", null));
        signIn(admin, PASSWORD);

        browser.go(url("/#/admin/outbox"));
        browser.select("[data-test=outbox-status]", "失败");
        browser.waitForText(".outbox-table", hook);
        String row = "[data-test=outbox-row][data-status=dead]";
        assertThat(browser.text(row + " [data-test=outbox-error]"))
                .isEqualTo("No webhook '" + hook + "' is configured (Admin → Webhooks, or mosaic.notify.webhooks." + hook
                        + ".url)");
        assertThat(browser.text(row + " [data-test=outbox-attempts]")).isEqualTo("1");
        browser.screenshot("notify-05-delivery-log");

        browser.click(row + " [data-test=outbox-retry]");
        // The retry puts the delivery back in the queue; it goes out at once and may already have failed again for the
        // same reason when the page shows it: pending, or dead after a second attempt.
        browser.waitUntil(() -> !browser.all("[data-test=outbox-row][data-status=pending]").isEmpty()
                || "2".equals(browser.text("[data-test=outbox-row] [data-test=outbox-attempts]")));
        browser.screenshot("notify-06-delivery-retried");
    }

    @Test
    void aRulesToDoSitsInTheToDoBoxUntilMarkedDone() {
        String clerk = "clerk_" + suffix;
        users.create(new UserRequest(clerk, "Carl Clerk", null, PASSWORD, null, null, null, List.of(), "en", null));
        transactions.executeWithoutResult(tx -> todos.create("dms", "inventory", null,
                new LocalizedText("补货：A100 低于安全库存", "Restock: A100 is below its safety stock"),
                new LocalizedText("库存 3，安全库存 10", "3 in stock, safety stock 10"),
                java.time.Instant.now().plus(java.time.Duration.ofDays(2)), Set.of(clerk), Set.of()));
        signIn(clerk, PASSWORD);
        browser.go(url("/#/inbox/todo"));
        browser.waitForCount("[data-test=inbox-item]", 1);
        assertThat(browser.text("[data-test=inbox-item]")).contains("Restock: A100 is below its safety stock")
                .contains("To-do");
        assertThat(browser.text("[data-test=box-count-todo]")).isEqualTo("1");
        browser.screenshot("notify-07-rule-todo");
        browser.click("[data-test=todo-done]");
        browser.waitForCount("[data-test=inbox-empty]", 1);
        browser.waitUntilGone("[data-test=box-count-todo]");
    }

    @Test
    void anAdministratorSetsUpASignedWebhookToAnIntranetHostAndSendsATest() throws Exception {
        String admin = "hooks_" + suffix;
        users.create(new UserRequest(admin, "Hana Hooks", null, PASSWORD, null, null, null, List.of("admin"), "en", null));
        String key = "erp_" + suffix;
        try (WebhookReceiver erp = new WebhookReceiver("browser-secret", 0, 0)) {
            signIn(admin, PASSWORD);
            browser.go(url("/#/admin/webhooks"));
            browser.click("[data-test=webhook-new]");
            browser.type("[data-test=webhook-form] input[name=key]", key);
            browser.type("[data-test=webhook-form] input[name=url]", "ftp://nowhere");
            browser.click("[data-test=webhook-save]");
            browser.waitFor("[data-test=webhook-form] input[name=url][aria-invalid=true]");
            browser.screenshot("notify-08-webhook-refused");
            browser.setValue("[data-test=webhook-form] input[name=url]", erp.url());
            browser.type("[data-test=webhook-form] input[name=secret]", "browser-secret");
            browser.click("[data-test=webhook-save]");
            browser.waitForCount("[data-test=webhook-row][data-key=" + key + "]", 1);
            assertThat(browser.text("[data-test=webhook-row][data-key=" + key + "]")).contains(erp.url()).contains("Signed");

            browser.setValue("[data-test=webhook-hosts] textarea[name=hosts]", "127.0.0.1");
            browser.click("[data-test=webhook-hosts-save]");
            browser.click("[data-test=webhook-row][data-key=" + key + "] [data-test=webhook-test]");
            browser.waitUntil(() -> !erp.requests().isEmpty());
            assertThat(erp.requests().get(0).signatureValid()).isTrue();
            browser.screenshot("notify-09-webhooks");
        } finally {
            transactions.executeWithoutResult(tx -> webhookRows(key));
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void webhookRows(String key) {
        jdbc.sql("DELETE FROM MO_WEBHOOK WHERE webhook_key = ?").param(key).update();
        jdbc.sql("DELETE FROM MO_WEBHOOK_HOST").update();
    }

    private void send(NotificationRequest request) {
        transactions.executeWithoutResult(tx -> notifications.send(request));
    }
}
