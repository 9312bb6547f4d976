package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.user.User;

/**
 * An approval in headless Chromium, through the steps of {@link WorkspaceFlowDriver}: a clerk fills in a claim and
 * submits it; her manager finds it in the inbox (the header counts it), sees it without the field the step hides,
 * is told a return needs a comment, returns it; the clerk resubmits; the manager changes the field the step leaves
 * open and approves; the clerk reads the whole story on the record and on the instance, the diagram drawn.
 */
@Tag("browser")
class WorkspaceFlowBrowserTest extends AppBrowserTest {

    private static final String TITLE = "Trip to Berlin";

    private final String app = "wf" + suffix;
    private final String clerkRole = "clerk" + suffix;
    private User manager;
    private User clerk;
    private WorkspaceFlowDriver flow;

    @BeforeEach
    void aClaimFormBoundToAManagersReview() throws IOException {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "报销", "en": "Claims"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "员工", "en": "Clerk"},
                            "grants": [{"form": "claim", "actions": ["create", "read", "update"], "rowScope": "own"}]}],
                 "menus": [{"key": "claims", "name": {"zh-CN": "报销单", "en": "Claims"},
                            "target": {"kind": "form", "key": "claim"}}],
                 "definitions": [{"kind": "form", "key": "claim"}, {"kind": "process", "key": "claim_approval"},
                                 {"kind": "flow", "key": "claim_approval"}]}"""
                .formatted(app, clerkRole);
        metadata.createApp(app, manifest, "analyst");
        metadata.publishContent(app, "form", "claim", """
                {"key": "claim", "name": {"zh-CN": "报销单", "en": "Claim"}, "titleField": "title",
                 "fields": [
                   {"key": "title", "type": "text", "required": true, "label": {"zh-CN": "标题", "en": "Title"}},
                   {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}},
                   {"key": "note", "type": "text", "label": {"zh-CN": "备注", "en": "Note"}},
                   {"key": "cost", "type": "integer", "label": {"zh-CN": "成本", "en": "Cost"}}
                 ]}""", null, "analyst");
        metadata.publish(app, MetadataService.APP_KIND, app, null, "analyst");
        metadata.publishContent(app, "process", "claim_approval", fixture("workspace-claim.bpmn20.xml"), null, "analyst");
        metadata.publishContent(app, "flow", "claim_approval", fixture("workspace-claim.flow.json"), null, "analyst");
        // The manager reads claims too (the approval page draws the record with the form the user may see).
        manager = user("mgr" + suffix, "Mia Manager", null, "en", clerkRole);
        clerk = user("clerk" + suffix, "Clara Clerk", manager.id(), "en", clerkRole);
        browser.desktop();
        flow = new WorkspaceFlowDriver(browser, url(""));
    }

    private String fixture(String name) throws IOException {
        try (var in = getClass().getResourceAsStream("/browser/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aClaimIsSubmittedReturnedResubmittedAndApprovedWithAnEditFromTheInbox() {
        signIn(clerk.username(), PASSWORD);
        browser.go(url("/#/apps/" + app + "/form/claim/new"));
        browser.type("input[name=title]", TITLE);
        browser.type("input[name=amount]", "1200");
        browser.type("input[name=note]", "hotel");
        browser.type("input[name=cost]", "900");
        browser.click("[data-test=save-record]");
        browser.waitForText("[data-test=record-title]", TITLE);
        String recordPage = browser.currentUrl();
        assertThat(flow.statusBadge()).isEqualTo("draft");
        flow.submitRecord("Please approve before Friday");
        assertThat(flow.timelineActions()).containsExactly("submit");
        browser.waitFor("[data-test=current-nodes] [data-test=assignees]");
        assertThat(flow.assignees()).containsExactly("Mia Manager");
        assertThat(browser.all("[data-test=edit-record]")).isEmpty();
        browser.screenshot("flow-01-submitted");

        signIn(manager.username(), PASSWORD);
        browser.waitUntil(() -> flow.todoBadge() == 1);
        flow.openInbox();
        assertThat(flow.inboxTitles()).containsExactly(TITLE);
        browser.screenshot("flow-02-inbox");
        flow.openTask(TITLE);
        assertThat(browser.all("[data-test=task-page] [data-field=cost]")).isEmpty();
        assertThat(browser.all("[data-test=task-page] [data-field=amount] input")).isEmpty();
        assertThat(flow.offeredActions()).containsExactly("approve", "reject", "return", "transfer", "cc");
        assertThat(flow.activeNodes()).containsExactly("manager_review");
        // The binding names the step in each language; the diagram draws the manager's.
        assertThat(browser.text("[data-test=task-page] .task-info")).contains("Manager's check");
        assertThat(browser.text("[data-test=diagram]")).contains("Manager's check").doesNotContain("Manager review");
        browser.click("[data-test=action-return]");
        assertThat(flow.commentError()).contains("comment");
        browser.screenshot("flow-03-task");
        flow.returnTo("Initiator", "The hotel receipt is missing");
        assertThat(flow.toasts()).anyMatch(toast -> toast.contains(TITLE));
        browser.waitUntil(() -> flow.todoBadge() == 0);

        signIn(clerk.username(), PASSWORD);
        browser.go(recordPage);
        assertThat(flow.statusBadge()).isEqualTo("returned");
        flow.submitRecord("Receipt attached");

        signIn(manager.username(), PASSWORD);
        flow.openTask(TITLE);
        flow.editField("note", "hotel, receipt checked");
        flow.act("approve", "Fine");

        signIn(clerk.username(), PASSWORD);
        browser.go(recordPage);
        browser.waitFor("[data-test=workflow-status][data-status=approved]");
        assertThat(browser.text("[data-field=note]")).contains("hotel, receipt checked");
        assertThat(flow.timelineActions()).containsExactly("submit", "return", "resubmit", "approve");
        assertThat(flow.timelineSentences()).contains("Mia Manager returned it to Initiator", "Mia Manager approved");
        assertThat(browser.text("[data-test=timeline]")).contains("Resubmit").doesNotContain("重新提交");
        browser.screenshot("flow-04-approved-record");
        flow.openInstance("started", TITLE);
        assertThat(flow.statusBadge()).isEqualTo("approved");
        assertThat(flow.activeNodes()).isEmpty();
        browser.screenshot("flow-05-instance");
    }
}
