package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.mosaic.runtime.security.user.User;

/**
 * Issue 4's acceptance, end to end in headless Chromium: an analyst binds a two-level approval with an amount
 * condition to a published form in the process designer; a clerk submits a large order; approver 1 (her manager)
 * returns it; she resubmits; approver 1 approves, and because the amount is over the condition's limit approver 2
 * (the director, who holds no grant on the form: the task shows it) approves too; the record shows approved with its
 * timeline. Screenshots of each step land in {@code target/screenshots}.
 */
@Tag("browser")
class FlowsAcceptanceBrowserTest extends AppBrowserTest {

    private static final String CUSTOMER = "Shanghai Trade Fair";

    private final String app = "acc" + suffix;
    private final String clerkRole = "clerk" + suffix;
    private final String directorRole = "director" + suffix;
    private User analyst;
    private User manager;
    private User director;
    private User clerk;

    @BeforeEach
    void aPublishedOrderFormAndItsPeople() {
        publishApp(app, """
                {"key": "%1$s", "name": {"zh-CN": "订货 %2$s", "en": "Orders %2$s"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%3$s", "name": {"zh-CN": "业务员", "en": "Clerk"},
                            "grants": [{"form": "order", "actions": ["create", "read", "update"], "rowScope": "own"}]},
                           {"key": "%4$s", "name": {"zh-CN": "总监", "en": "Director"}, "grants": []}],
                 "menus": [{"key": "orders", "name": {"zh-CN": "订单", "en": "Orders"}, "target": {"kind": "form", "key": "order"}}],
                 "definitions": [{"kind": "form", "key": "order"}]}""".formatted(app, suffix, clerkRole, directorRole));
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"}, "titleField": "customer",
                 "fields": [{"key": "customer", "type": "text", "required": true, "label": {"zh-CN": "客户", "en": "Customer"}},
                            {"key": "total", "type": "integer", "label": {"zh-CN": "合计", "en": "Total"}},
                            {"key": "note", "type": "text", "label": {"zh-CN": "备注", "en": "Note"}}]}""", null, "admin");
        analyst = user("an" + suffix, "Ann Analyst", null, "en", "analyst");
        manager = user("mg" + suffix, "Mia Manager", null, "en", clerkRole);
        director = user("dr" + suffix, "Dan Director", null, "en", directorRole);
        clerk = user("ck" + suffix, "Clara Clerk", manager.id(), "en", clerkRole);
        laptopScreen();
    }

    @Test
    void anAnalystBindsATwoLevelApprovalAndAnOrderGoesThroughAReturnToApproval() {
        signIn(analyst.username(), PASSWORD);
        FlowDesignerDriver designer = new FlowDesignerDriver(browser, url(""));
        designer.openDesignHome(app);
        designer.createProcess("order_approval", "Order approval", "Order (order)");
        designer.select("review");
        designer.setId("manager_review");
        designer.setName("Manager review");
        designer.assignmentType("initiator_manager");
        designer.addRoleReviewBehindGateway("manager_review", "amount_check", "director_review", "Director review",
                "Director (" + directorRole + ")");
        String small = designer.connectBelow("amount_check", "end");
        designer.selectFlow(designer.flowBetween("amount_check", "director_review"));
        designer.setId("large");
        assertThat(designer.condition("total > 10000")).isTrue();
        designer.selectFlow(small);
        designer.makeDefault();
        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("acc-01-designer-published");

        WorkspaceFlowDriver flow = new WorkspaceFlowDriver(browser, url(""));
        signIn(clerk.username(), PASSWORD);
        browser.go(url("/#/apps/" + app + "/form/order/new"));
        browser.type("input[name=customer]", CUSTOMER);
        browser.type("input[name=total]", "25000");
        browser.click("[data-test=save-record]");
        browser.waitForText("[data-test=record-title]", CUSTOMER);
        String recordPage = browser.currentUrl();
        flow.submitRecord("Booth and shipping");
        assertThat(flow.assignees()).containsExactly("Mia Manager");
        browser.screenshot("acc-02-submitted");

        signIn(manager.username(), PASSWORD);
        flow.openTask(CUSTOMER);
        assertThat(flow.activeNodes()).containsExactly("manager_review");
        flow.returnTo("Initiator", "Add the shipping quote to the note");
        browser.screenshot("acc-03-returned");

        signIn(clerk.username(), PASSWORD);
        browser.go(recordPage);
        assertThat(flow.statusBadge()).isEqualTo("returned");
        browser.click("[data-test=edit-record]");
        browser.type("input[name=note]", "Shipping quote: 1,800");
        browser.click("[data-test=save-record]");
        browser.waitForText("[data-field=note]", "Shipping quote");
        flow.submitRecord("Quote added");

        signIn(manager.username(), PASSWORD);
        flow.openTask(CUSTOMER);
        flow.act("approve", "Quote is fine");

        signIn(director.username(), PASSWORD);
        flow.openTask(CUSTOMER);
        assertThat(flow.activeNodes()).containsExactly("director_review");
        assertThat(browser.text("[data-test=task-page] [data-field=total]")).contains("25");
        browser.screenshot("acc-04-director-task");
        flow.act("approve", "Approved");

        signIn(clerk.username(), PASSWORD);
        browser.go(recordPage);
        browser.waitFor("[data-test=workflow-status][data-status=approved]");
        assertThat(browser.all("[data-test=edit-record]")).as("an approved record is not edited any more").isEmpty();
        assertThat(flow.timelineActions()).containsExactly("submit", "return", "resubmit", "approve", "approve");
        assertThat(flow.timelineSentences()).contains("Mia Manager returned it to Initiator",
                "Mia Manager approved", "Dan Director approved");
        browser.screenshot("acc-05-approved-with-timeline");
    }
}
