package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;

/**
 * Issue 5's acceptance, end to end in headless Chromium: an analyst builds "order total > 50,000 → notify finance
 * in-app and by e-mail" and a three-tier rebate table in the rule designer, simulates both and publishes them; a
 * clerk then saves such an order in the records workspace, and finance gets both notifications: the bell counts it
 * and the in-process SMTP server (GreenMail) receives the e-mail. Screenshots land in {@code target/screenshots}.
 */
@Tag("browser")
class RulesAcceptanceBrowserTest extends BrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String PASSWORD = "correct-horse-1";

    @Autowired
    MetadataService metadata;

    @Autowired
    UserService users;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String app = "ra" + suffix;
    private final String clerkRole = "clerk" + suffix;
    private final String financeRole = "fin" + suffix;
    private User analyst;
    private User clerk;
    private User finance;

    @BeforeEach
    void anOrderFormAndItsPeople() {
        metadata.createApp(app, """
                {"key": "%1$s", "name": {"zh-CN": "订货 %2$s", "en": "Orders %2$s"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%3$s", "name": {"zh-CN": "业务员", "en": "Clerk"},
                            "grants": [{"form": "order", "actions": ["create", "read", "update"], "rowScope": "own"}]},
                           {"key": "%4$s", "name": {"zh-CN": "财务", "en": "Finance"}, "grants": []}],
                 "menus": [{"key": "orders", "name": {"zh-CN": "订单", "en": "Orders"}, "target": {"kind": "form", "key": "order"}}],
                 "definitions": [{"kind": "form", "key": "order"}]}""".formatted(app, suffix, clerkRole, financeRole),
                "admin");
        metadata.publish(app, MetadataService.APP_KIND, app, null, "admin");
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"}, "titleField": "customer",
                 "fields": [{"key": "customer", "type": "text", "required": true, "label": {"zh-CN": "客户", "en": "Customer"}},
                            {"key": "total", "type": "integer", "label": {"zh-CN": "合计", "en": "Total"}}]}""", null, "admin");
        analyst = users.create(new UserRequest("an" + suffix, "Ann Analyst", null, PASSWORD, null, null, null,
                List.of("analyst"), "en", null));
        clerk = users.create(new UserRequest("ck" + suffix, "Clara Clerk", null, PASSWORD, null, null, null,
                List.of(clerkRole), "en", null));
        finance = users.create(new UserRequest("fn" + suffix, "Fay Finance", "fay" + suffix + "@example.com", PASSWORD,
                null, null, null, List.of(financeRole), "en", null));
        browser.desktop();
        browser.viewport(1366, 768);
    }

    @Test
    void aLargeOrderAlertAndARebateTableAreBuiltSimulatedPublishedAndTheAlertIsDelivered() throws Exception {
        signIn(analyst.username(), PASSWORD);
        RuleDesignerDriver designer = new RuleDesignerDriver(browser, url(""));
        designer.openDesignHome(app);
        designer.createRuleSet("large_orders", "大额订单提醒", "Large order alert", "Order (order)");
        designer.trigger("after_save");
        designer.selectRule("rule_1");
        designer.ruleKey("large_order");
        designer.ruleName("大额订单", "Large order");
        String root = designer.condition();
        designer.compare(root + "/all/0", "total", "gt", "50000");
        designer.action(0, "notify");
        designer.channels(0, "in_app", "email");
        designer.recipientInitiator(0, false);
        designer.recipientRole(0, "Finance (" + financeRole + ")");
        designer.title(0, "大额订单", "Large order");
        designer.message(0, "订单金额超过 50,000", "An order over 50,000");
        designer.saveDraft();
        designer.simulate(Map.of("customer", "Big Co", "total", "60000"));
        assertThat(designer.firedRules()).containsExactly("large_order");
        designer.simulate(Map.of("customer", "Small Co", "total", "40000"));
        assertThat(designer.firedRules()).isEmpty();
        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("racc-01-alert-published");

        designer.openDesignHome(app);
        designer.createDecisionTable("order_rebate", "订单返利", "Order rebate", "Order (order)");
        designer.inputColumn(0, "total", "订单金额", "Order total", "number", "total");
        designer.outputColumn(0, "rate", "返利比例", "Rebate rate", "number");
        designer.row(0, List.of("< 100000"), List.of("0.01"));
        designer.addRow();
        designer.row(1, List.of("[100000..500000)"), List.of("0.02"));
        designer.addRow();
        designer.row(2, List.of(">=500000"), List.of("0.03"));
        designer.saveDraft();
        designer.simulate(Map.of("total", "250000"));
        assertThat(designer.matchedRows()).containsExactly(1);
        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("racc-02-rebate-published");

        signIn(clerk.username(), PASSWORD);
        browser.go(url("/#/apps/" + app + "/form/order/new"));
        browser.type("input[name=customer]", "Shanghai Expo");
        browser.type("input[name=total]", "72000");
        browser.click("[data-test=save-record]");
        browser.waitForText("[data-test=record-title]", "Shanghai Expo");
        browser.screenshot("racc-03-order-saved");

        SMTP.waitForIncomingEmail(15_000, 1);
        assertThat(SMTP.getReceivedMessages()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).contains("fay" + suffix + "@example.com");
            assertThat(mail.getSubject()).contains("Large order");
        });
        signIn(finance.username(), PASSWORD);
        browser.waitUntil(() -> browser.all("[data-test=bell-count]").stream()
                .anyMatch(badge -> "1".equals(badge.getText().trim())));
        browser.screenshot("racc-04-finance-bell");
    }
}
