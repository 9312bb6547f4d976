package io.mosaic.runtime.browser;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.WebElement;

/**
 * What people do with approvals in the workspace, one step per method, for browser tests of workflows: the inbox
 * (to-do, done, started, CC), the approval page of a task, the instance page, and a record's submit, withdraw and
 * urge. Elements are found by {@code data-test}, {@code data-title}, {@code data-action}, {@code data-status} and
 * {@code data-user} attributes, so steps do not depend on the language shown. An action on a task ends back in the
 * inbox, as the page sends the user there.
 */
final class WorkspaceFlowDriver {

    private static final String INBOX = "[data-test=inbox]";
    private static final String TASK = "[data-test=task-page]";
    private static final String DIALOG = "[data-test=action-dialog]";
    private static final String COMMENT_DIALOG = "[data-test=comment-dialog]";
    private static final Set<String> ASKS_FIRST = Set.of("reject");

    private final Browser browser;
    private final String baseUrl;

    WorkspaceFlowDriver(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** Through the header's inbox entry to the to-do box. */
    void openInbox() {
        browser.click("[data-test=nav-inbox]");
        browser.waitFor(INBOX);
        browser.waitFor("[data-test=box-todo].active");
    }

    /** One box of the inbox: todo, done, started or cc; waits until its list (or its "empty" line) is drawn. */
    void openBox(String box) {
        browser.go(baseUrl + "/#/inbox/" + box);
        browser.waitFor("[data-test=box-" + box + "].active");
        browser.waitUntil(() -> !browser.all("[data-test=inbox-item], [data-test=inbox-empty]").isEmpty());
    }

    /** The titles the box shows, in its order. */
    List<String> inboxTitles() {
        return browser.all("[data-test=inbox-item]").stream().map(row -> row.getDomAttribute("data-title")).toList();
    }

    void searchInbox(String text) {
        browser.type("[data-test=inbox-search]", text);
        browser.click(".inbox-filters button[type=submit]");
    }

    /** The to-do count on the header's inbox entry; 0 when no badge is drawn. */
    int todoBadge() {
        List<WebElement> badge = browser.all("[data-test=inbox-badge]");
        return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().replace("+", "").trim());
    }

    /** A box's count on its inbox tab; 0 when none is drawn. */
    int boxCount(String box) {
        List<WebElement> count = browser.all("[data-test=box-count-" + box + "]");
        return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getText().trim());
    }

    /** Opens the to-do with this title from the inbox and waits for its record and actions. */
    void openTask(String title) {
        openBox("todo");
        browser.click("[data-test=inbox-item][data-title='" + title + "']");
        browser.waitForText("[data-test=task-title]", title);
        browser.waitFor("[data-test=actions]");
    }

    /** The actions the approval page offers now, in its order (approve, reject, return, …). */
    List<String> offeredActions() {
        return browser.all("[data-test=actions] button").stream()
                .map(button -> button.getDomAttribute("data-test").substring("action-".length())).toList();
    }

    /** Changes a field the task leaves editable (a text or number input named like the field). */
    void editField(String key, String value) {
        browser.type(TASK + " [data-field=" + key + "] input[name=" + key + "], "
                + TASK + " [data-field=" + key + "] textarea[name=" + key + "]", value);
    }

    /**
     * Takes an action that needs nothing but a comment (approve, reject, resolve, unclaim; an empty comment for
     * none); answers once the page is back in the inbox. Reject asks to be confirmed, since it ends the workflow.
     */
    void act(String action, String comment) {
        comment(comment);
        browser.click("[data-test=action-" + action + "]");
        if (ASKS_FIRST.contains(action)) browser.click(DIALOG + " [data-test=confirm-action]");
        browser.waitFor(INBOX);
    }

    /** Returns the task to an earlier step (or the initiator), chosen by the name the page shows. */
    void returnTo(String targetName, String comment) {
        comment(comment);
        browser.click("[data-test=action-return]");
        browser.select(DIALOG + " [data-test=return-target]", targetName);
        browser.click(DIALOG + " [data-test=confirm-action]");
        browser.waitFor(INBOX);
    }

    /** Transfer, delegate or add a signer (before / after): the action and the username of who gets it. */
    void handTo(String action, String username, String comment) {
        comment(comment);
        browser.click("[data-test=action-" + action + "]");
        pick(username);
        browser.click(DIALOG + " [data-test=confirm-action]");
        browser.waitFor(INBOX);
    }

    /** Sends a copy to these users; the task stays with the user, who is sent back to the inbox all the same. */
    void cc(String comment, String... usernames) {
        comment(comment);
        browser.click("[data-test=action-cc]");
        Arrays.stream(usernames).forEach(this::pick);
        browser.click(DIALOG + " [data-test=confirm-action]");
        browser.waitFor(INBOX);
    }

    /** Claims a group task; the page stays and then offers the task's own actions. */
    void claim() {
        browser.click("[data-test=action-claim]");
        browser.waitUntil(() -> browser.all("[data-test=action-claim]").isEmpty());
        browser.waitFor("[data-test=actions]");
    }

    /** The message under the comment box when an action needs a comment and has none. */
    String commentError() {
        return browser.text("[data-test=comment-error]");
    }

    /** The message the server put on a field of the approval page (422 pointing at /values/{key}). */
    String fieldError(String key) {
        return browser.text(TASK + " [data-test=error-" + key + "]");
    }

    /** The toasts shown now, newest last (e.g. "Someone else already acted on this task"). */
    List<String> toasts() {
        return browser.all("[data-test=toast] span").stream().map(WebElement::getText).toList();
    }

    /** On a record page whose form is bound to a process: "Submit for approval" with a comment. */
    void submitRecord(String comment) {
        browser.click("[data-test=submit-record]");
        commentDialog(comment);
        browser.waitFor("[data-test=workflow-status][data-status=in_approval]");
    }

    /** Withdraws from the record or instance page (the initiator, before the next step acted). */
    void withdraw(String comment) {
        browser.click("[data-test=withdraw]");
        commentDialog(comment);
        browser.waitFor("[data-test=workflow-status][data-status=withdrawn]");
    }

    /** Urges the people at the current step, from the record or instance page. */
    void urge(String comment) {
        int before = browser.all("[data-test=toast]").size();
        browser.click("[data-test=urge]");
        commentDialog(comment);
        browser.waitUntil(() -> browser.all("[data-test=toast]").size() > before);
    }

    /** The workflow status the page shows (draft, in_approval, returned, approved, rejected, withdrawn). */
    String statusBadge() {
        return browser.waitFor("[data-test=workflow-status]").getDomAttribute("data-status");
    }

    /** The timeline's actions, oldest first (submit, approve, return, …). */
    List<String> timelineActions() {
        browser.waitFor("[data-test=timeline]");
        return browser.all("[data-test=timeline-entry]").stream().map(entry -> entry.getDomAttribute("data-action")).toList();
    }

    /** The timeline's sentences, oldest first, as the page words them ("East manager approved"). */
    List<String> timelineSentences() {
        browser.waitFor("[data-test=timeline]");
        return browser.all("[data-test=timeline-entry] .flow-entry-sentence").stream().map(WebElement::getText).toList();
    }

    /** The names of whoever the current steps wait for. */
    List<String> assignees() {
        return browser.all("[data-test=current-nodes] [data-test=assignees]").stream().map(WebElement::getText).toList();
    }

    /** The BPMN element ids the diagram marks as current, once bpmn-js has drawn it. */
    List<String> activeNodes() {
        String active = browser.waitFor("[data-test=diagram][data-active]").getDomAttribute("data-active");
        return active.isEmpty() ? List.of() : List.of(active.split(","));
    }

    /** Opens the instance page of an item of the done, started or CC box by its title. */
    void openInstance(String box, String title) {
        openBox(box);
        browser.click("[data-test=inbox-item][data-title='" + title + "']");
        browser.waitForText("[data-test=instance-title]", title);
    }

    private void comment(String comment) {
        if (comment != null && !comment.isEmpty()) browser.type(TASK + " [data-test=comment]", comment);
    }

    private void pick(String username) {
        browser.type(DIALOG + " [data-test=user-search]", username);
        browser.click(DIALOG + " [data-user='" + username + "'] input");
    }

    private void commentDialog(String comment) {
        if (comment != null && !comment.isEmpty()) browser.type(COMMENT_DIALOG + " [data-test=comment]", comment);
        browser.click(COMMENT_DIALOG + " [data-test=confirm-comment]");
        browser.waitUntilGone(COMMENT_DIALOG);
    }
}
