package io.mosaic.runtime.browser;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What an analyst does in the rule set designer and the decision table editor, one step per method, for browser
 * tests that build rules through the UI (the designer's own test and end-to-end scenarios). Elements are found by
 * {@code data-test} attributes, input names and JSON Pointers ({@code data-pointer} on condition nodes and actions,
 * e.g. {@code /rules/0/condition/all/1}), so steps do not depend on the language shown. Values typed into condition
 * boxes are taken when the box is left, so the steps leave it with Tab.
 */
final class RuleDesignerDriver extends DesignerDriver {

    private static final String RULE = "[data-test=rule-editor]";
    private static final String GRID = "[data-test=decision-grid]";
    private static final String SIMULATION = "[data-test=simulation]";
    private static final String RUN = "[data-test=period-run]";

    RuleDesignerDriver(Browser browser, String baseUrl) {
        super(browser, baseUrl);
    }

    /** From the app's page, through its Design entry, to the design home with the app's rule sets and tables. */
    void openDesignHome(String app) {
        openDesignHome(app, "rules-home", "new-rules");
    }

    /** "New rule set" on the design home (key, names, the form as the list shows it, e.g. "Order (order)"). */
    void createRuleSet(String key, String nameZh, String nameEn, String formLabel) {
        create("rules", key, nameZh, nameEn, formLabel);
        browser.waitFor("[data-test=rule-designer] [data-test=settings]");
    }

    /** "New decision table" on the design home; the editor opens on a one-row starter table. */
    void createDecisionTable(String key, String nameZh, String nameEn, String formLabel) {
        create("decision", key, nameZh, nameEn, formLabel);
        browser.waitFor("[data-test=decision-designer] " + GRID);
    }

    /** Leaves a designer with unsaved work for the app's page, answering the designer's "leave?" with leave. */
    void leaveUnsavedWork(String app) {
        browser.go(baseUrl + "/#/apps/" + app);
        browser.click("[data-test=leave]");
        browser.waitFor("[data-test=design-app]");
    }

    /** Scrolls the shown rule (or table) to its top, e.g. for a screenshot of its condition. */
    void scrollToTop() {
        browser.runAsync("document.querySelector('.rule-main, .decision-main').scrollTop = 0; arguments[0]();");
    }

    void openRuleSet(String app, String key) {
        browser.go(baseUrl + "/#/design/" + app + "/rules/" + key);
        browser.waitFor("[data-test=rule-designer] [data-test=settings]");
    }

    void openDecisionTable(String app, String key) {
        browser.go(baseUrl + "/#/design/" + app + "/decisions/" + key);
        browser.waitFor("[data-test=decision-designer] " + GRID);
    }

    // Rule set: settings and trigger.

    void showSettings() {
        browser.click("[data-test=select-settings]");
        browser.waitFor("[data-test=settings]");
    }

    /** Chooses the trigger type: before_save, after_save, field_changed, submitted, …, schedule. */
    void trigger(String type) {
        showSettings();
        new Select(browser.waitFor("[data-test=trigger] select[name=triggerType]")).selectByValue(type);
    }

    /** Adds a field (by the picker's label, e.g. "Total (total)") to those a field_changed trigger watches. */
    void watchField(String label) {
        browser.select("[data-test=trigger] [data-test=pick-triggerFields] select", label);
    }

    void cron(String expression) {
        browser.click("[data-test=schedule-cron]");
        browser.type("[data-test=trigger] input[name=cron]", expression);
    }

    /** A schedule some days before or after a date field of the record. */
    void relativeTo(String dateField, int days, boolean before) {
        browser.click("[data-test=schedule-relative]");
        new Select(browser.waitFor("[data-test=trigger] select[name=dateField]")).selectByValue(dateField);
        new Select(browser.waitFor("[data-test=trigger] select[name=direction]")).selectByValue(before ? "before" : "after");
        browser.type("[data-test=trigger] input[name=days]", Integer.toString(days));
    }

    void task(String taskId) {
        browser.type("[data-test=trigger] input[name=task]", taskId);
    }

    // Rule set: rules.

    /** Shows a rule by its key in the list on the left. */
    void selectRule(String ruleKey) {
        browser.click("[data-test=rule-item][data-rule='" + ruleKey + "']");
        browser.waitFor(RULE + "[data-rule='" + ruleKey + "']");
    }

    /** Adds a rule (it is shown); answers its key. */
    String addRule() {
        browser.click("[data-test=add-rule]");
        return Objects.requireNonNull(browser.waitFor(RULE).getDomAttribute("data-rule"));
    }

    /** Renames the shown rule's key; the list follows. */
    void ruleKey(String key) {
        browser.type(RULE + " input[name=ruleKey]", key);
        browser.waitFor(RULE + "[data-rule='" + key + "']");
    }

    void ruleName(String zh, String en) {
        browser.type(RULE + " input[name=ruleName-zh]", zh);
        browser.type(RULE + " input[name=ruleName-en]", en);
    }

    void priority(int priority) {
        browser.type(RULE + " input[name=priority]", Integer.toString(priority));
        browser.waitFor(RULE + " input[name=priority]").sendKeys(Keys.TAB);
    }

    /** The pointer of the shown rule's condition, adding an AND group with one comparison when it has none. */
    String condition() {
        String rule = Objects.requireNonNull(browser.waitFor(RULE).getDomAttribute("data-pointer"));
        if (browser.all(RULE + " [data-test=add-condition]").size() > 0) {
            browser.click(RULE + " [data-test=add-condition]");
        }
        browser.waitFor(node(rule + "/condition"));
        return rule + "/condition";
    }

    /**
     * Adds a row to a group (by its pointer) — {@code compare}, {@code rows} (a sub-table column), {@code expression}
     * or a nested {@code group} — and answers the new row's pointer.
     */
    String add(String groupPointer, String what) {
        String group = RULE + " [data-test=condition-group][data-pointer='" + groupPointer + "']";
        String joiner = Objects.requireNonNull(browser.waitFor(group).getDomAttribute("data-kind"));
        int before = browser.all(group + " > .cond-children > *").size();
        browser.click(group + " > .cond-add [data-test=add-" + what + "]");
        browser.waitForCount(group + " > .cond-children > *", before + 1);
        return groupPointer + "/" + joiner + "/" + before;
    }

    /**
     * Makes a comparison of the row at a pointer: the field's path ({@code total}, {@code lines.amount}), the
     * operator ({@code gt}, {@code between}, {@code in}, …) and its value(s) as typed; a list goes comma-separated.
     */
    void compare(String pointer, String field, String op, String... values) {
        String at = node(pointer);
        new Select(browser.waitFor(at + " select[name=field]")).selectByValue(field);
        new Select(browser.waitFor(at + " select[name=op]")).selectByValue(op);
        if (op.equals("between")) {
            typeAndLeave(at + " input[name=value-min]", values[0]);
            typeAndLeave(at + " input[name=value-max]", values[1]);
        } else if (op.equals("in") || op.equals("not_in")) {
            typeAndLeave(at + " input[name=values]", String.join(", ", values));
        } else if (values.length > 0) {
            if (!browser.all(at + " select[name=value]").isEmpty()) {
                new Select(browser.waitFor(at + " select[name=value]")).selectByValue(values[0]);
            } else {
                typeAndLeave(at + " input[name=value]", values[0]);
            }
        }
    }

    /** How a comparison on a sub-table column reads its rows: any, all, count or sum. */
    void rows(String pointer, String mode) {
        new Select(browser.waitFor(node(pointer) + " select[name=rows]")).selectByValue(mode);
    }

    /** Types a formula into a formula row and waits for the server's verdict; answers whether it is valid. */
    boolean formula(String pointer, String expression) {
        String at = node(pointer);
        browser.type(at + " textarea[name=expression]", expression);
        browser.waitUntil(() -> browser.all(at + " .formula-check").stream()
                .anyMatch(element -> expression.equals(element.getDomAttribute("data-expression"))));
        return !browser.all(at + " [data-test=formula-ok]").isEmpty();
    }

    /** Switches a group between AND ({@code all}) and OR ({@code any}). */
    void joiner(String groupPointer, String kind) {
        browser.click(RULE + " [data-test=condition-group][data-pointer='" + groupPointer + "'] > .cond-group-head [data-test=joiner-" + kind + "]");
    }

    /** Wraps the node at a pointer in NOT (or unwraps it); the node's pointer gains (or loses) {@code /not}. */
    void negate(String pointer) {
        browser.click(node(pointer) + " [data-test=toggle-not]");
    }

    /** Chooses the type of the shown rule's action at an index (0-based), adding actions up to it. */
    void action(int index, String type) {
        while (browser.all(RULE + " [data-test=action]").size() <= index) {
            browser.click(RULE + " [data-test=add-action]");
        }
        new Select(browser.waitFor(action(index) + " select[name=actionType]")).selectByValue(type);
        browser.waitFor(action(index) + "[data-type=" + type + "]");
    }

    /** Ticks exactly these channels of a notify action: in_app, email, webhook. */
    void channels(int index, String... channels) {
        List<String> wanted = List.of(channels);
        for (String channel : List.of("in_app", "email", "webhook")) {
            WebElement box = browser.waitFor(action(index) + " input[name=channels][value=" + channel + "]");
            if (box.isSelected() != wanted.contains(channel)) {
                box.click();
            }
        }
    }

    /** Adds a role to an action's recipients, by the picker's label, e.g. "Finance (finance)". */
    void recipientRole(int index, String label) {
        browser.select(action(index) + " [data-test=pick-roles] select", label);
        browser.waitForText(action(index) + " [data-test=pick-roles]", label);
    }

    void recipientUser(int index, String label) {
        browser.select(action(index) + " [data-test=pick-users] select", label);
        browser.waitForText(action(index) + " [data-test=pick-users]", label);
    }

    void recipientInitiator(int index, boolean on) {
        WebElement box = browser.waitFor(action(index) + " input[name=initiator]");
        if (box.isSelected() != on) {
            box.click();
        }
    }

    void message(int index, String zh, String en) {
        browser.type(action(index) + " input[name=message-zh]", zh);
        browser.type(action(index) + " input[name=message-en]", en);
    }

    void title(int index, String zh, String en) {
        browser.type(action(index) + " input[name=title-zh]", zh);
        browser.type(action(index) + " input[name=title-en]", en);
    }

    /** The field a set_field or reject action is about, by key ("" = the whole record for reject). */
    void actionField(int index, String field) {
        new Select(browser.waitFor(action(index) + " select[name=field]")).selectByValue(field);
    }

    /** The formula of a set_field action; answers the server's verdict. */
    boolean actionFormula(int index, String expression) {
        browser.type(action(index) + " textarea[name=expression]", expression);
        browser.waitUntil(() -> browser.all(action(index) + " .formula-check").stream()
                .anyMatch(element -> expression.equals(element.getDomAttribute("data-expression"))));
        return !browser.all(action(index) + " [data-test=formula-ok]").isEmpty();
    }

    /** Pointers of the condition nodes and actions marked with a server problem. */
    List<String> markedNodes() {
        return browser.all("[data-test=rule-editor] .invalid[data-pointer]").stream()
                .map(element -> element.getDomAttribute("data-pointer")).toList();
    }

    /** Keys of the rules the list marks as having problems. */
    List<String> markedRules() {
        return browser.all("[data-test=rule-item].invalid").stream().map(element -> element.getDomAttribute("data-rule")).toList();
    }

    /** Clicks the problem listed at a pointer, which shows the rule (or the settings) it is about. */
    void showProblem(String pointer) {
        browser.click("[data-test=problems] li[data-pointer='" + pointer + "'] button");
    }

    // Decision table.

    /** Sets the hit policy (first, priority, collect) and, for collect, the aggregation. */
    void hitPolicy(String policy, String aggregation) {
        new Select(browser.waitFor("[data-test=table-settings] select[name=hitPolicy]")).selectByValue(policy);
        if (aggregation != null) {
            new Select(browser.waitFor("[data-test=table-settings] select[name=aggregation]")).selectByValue(aggregation);
        }
    }

    void addInputColumn() {
        int before = browser.all(GRID + " [data-test=column][data-side=inputs]").size();
        browser.click("[data-test=add-input]");
        browser.waitForCount(GRID + " [data-test=column][data-side=inputs]", before + 1);
    }

    void addOutputColumn() {
        int before = browser.all(GRID + " [data-test=column][data-side=outputs]").size();
        browser.click("[data-test=add-output]");
        browser.waitForCount(GRID + " [data-test=column][data-side=outputs]", before + 1);
    }

    /** Describes an input column: key, labels, type (number, text, date, boolean), the formula that reads the record. */
    void inputColumn(int index, String key, String zh, String en, String type, String expression) {
        column("inputs", index, key, zh, en, type);
        browser.type(column("inputs", index) + " textarea[name=columnExpression]", expression);
    }

    void outputColumn(int index, String key, String zh, String en, String type) {
        column("outputs", index, key, zh, en, type);
    }

    private void column(String side, int index, String key, String zh, String en, String type) {
        String at = column(side, index);
        new Select(browser.waitFor(at + " select[name=columnType]")).selectByValue(type);
        browser.type(at + " input[name=columnKey]", key);
        browser.type(at + " input[name=labelZh]", zh);
        browser.type(at + " input[name=labelEn]", en);
    }

    /** Adds a row at the end; answers its index. */
    int addRow() {
        int before = browser.all(GRID + " [data-test=decision-row]").size();
        browser.click("[data-test=add-row]");
        browser.waitForCount(GRID + " [data-test=decision-row]", before + 1);
        return before;
    }

    /** Types an input cell as the grid reads it: "-", "> 5", "≥ 5", "[1..5)", "A, B". */
    void cell(int row, int input, String text) {
        typeAndLeave(row(row) + " input[name=in-" + input + "]", text);
    }

    void output(int row, int output, String text) {
        typeAndLeave(row(row) + " input[name=out-" + output + "]", text);
    }

    /** Fills a whole row: its input cells, then its outputs. */
    void row(int row, List<String> inputs, List<String> outputs) {
        for (int i = 0; i < inputs.size(); i++) {
            cell(row, i, inputs.get(i));
        }
        for (int o = 0; o < outputs.size(); o++) {
            output(row, o, outputs.get(o));
        }
    }

    /** What a cell shows once left (e.g. "≥ 500000" for ">=500000"). */
    String cellText(int row, int input) {
        return browser.value(row(row) + " input[name=in-" + input + "]");
    }

    /** Rows marked with a problem ("error") or a warning, by index. */
    Map<Integer, String> markedRows() {
        return browser.all(GRID + " [data-test=decision-row][data-level]").stream().collect(java.util.stream.Collectors.toMap(
                element -> Integer.parseInt(element.getDomAttribute("data-row")), element -> element.getDomAttribute("data-level")));
    }

    /** The notes (problems, warnings, cells the column cannot hold) shown under a row. */
    String rowNotes(int row) {
        return browser.text(GRID + " [data-test=row-notes][data-row='" + row + "']");
    }

    // Both.

    void saveDraft() {
        browser.click("[data-test=save-draft]");
        browser.waitFor("[data-test=notice][data-notice=saved], [data-test=problems]");
    }

    /** Publishes (saving first when needed); answers the new version, or null when refused. */
    Integer publish() {
        browser.click("[data-test=publish]");
        browser.waitFor("[data-test=notice][data-notice=published], [data-test=problems] .alert-title .badge-error");
        if (!browser.all("[data-test=notice][data-notice=published]").isEmpty()) {
            return Integer.parseInt(Objects.requireNonNull(browser.waitFor("[data-test=status]").getDomAttribute("data-version")));
        }
        return null;
    }

    /** Pointers of the problems listed above the designer. */
    List<String> problemPointers() {
        return browser.all("[data-test=problems] li[data-pointer]").stream().map(element -> element.getDomAttribute("data-pointer")).toList();
    }

    // Simulation.

    /**
     * Types sample values into the simulation's form (field key → text; sub-table cells as {@code lines.0.amount})
     * and runs the simulation against the draft; waits for the answer or the server's error.
     */
    void simulate(Map<String, String> values) {
        browser.click(SIMULATION + " [data-test=sim-sample]");
        values.forEach((field, text) -> {
            String[] path = field.split("\\.");
            String css = path.length == 3
                    ? SIMULATION + " [data-test=subtable-" + path[0] + "] [data-test=row-" + path[1] + "] [name='" + path[0] + "." + path[2] + "']"
                    : SIMULATION + " [data-test=sim-form] [name='" + field + "']";
            browser.type(css, text);
        });
        run();
    }

    /** Simulates with an existing record of the form, by id. */
    void simulateRecord(long id) {
        browser.click(SIMULATION + " [data-test=sim-record]");
        browser.type(SIMULATION + " input[name=recordId]", Long.toString(id));
        run();
    }

    private void run() {
        browser.click(SIMULATION + " [data-test=sim-run]:enabled");
        browser.waitFor(SIMULATION + " [data-test=sim-result], " + SIMULATION + " .alert-error");
    }

    /** The simulation's failure as the error box shows it, or null when it answered. */
    String simulationError() {
        List<WebElement> boxes = browser.all(SIMULATION + " .alert-error");
        return boxes.isEmpty() ? null : boxes.get(0).getText();
    }

    /** Keys of the rules the simulation says fired. */
    List<String> firedRules() {
        return browser.all(SIMULATION + " [data-test=fired]").stream().map(element -> element.getDomAttribute("data-rule")).toList();
    }

    /** Types of the effects a fired rule would have had (set_field, notify, …). */
    List<String> effects(String ruleKey) {
        return browser.all(SIMULATION + " [data-test=fired][data-rule='" + ruleKey + "'] [data-test=effect]").stream()
                .map(element -> element.getDomAttribute("data-type")).toList();
    }

    /** Rows (0-based) the table simulation matched, as highlighted in the grid. */
    List<Integer> matchedRows() {
        return browser.all(GRID + " [data-test=decision-row][data-matched=true]").stream()
                .map(element -> Integer.parseInt(element.getDomAttribute("data-row"))).toList();
    }

    /** An output of the table simulation as JSON text ("0.03", "\"gold\""). */
    String simulatedOutput(String key) {
        return browser.waitFor(SIMULATION + " [data-test=sim-output][data-output='" + key + "']").getDomAttribute("data-value");
    }

    // Period runs.

    /**
     * Runs the published table for a period from its dialog: dates as 2026-03-31, choices by their labels as the
     * selects show them (e.g. "Date (sale_date)"), sums as name → field label, values as result field label →
     * formula; waits for the run to end and answers its status (done, failed), or null when the server refused the
     * request (its problems then show in the dialog).
     */
    String runForPeriod(String period, String from, String to, String dateField, String groupBy, Map<String, String> sums,
                        String resultForm, Map<String, String> values) {
        browser.click("[data-test=run-period]:enabled");
        browser.type(RUN + " input[name=period]", period);
        browser.setValue(RUN + " input[name=from]", from);
        browser.setValue(RUN + " input[name=to]", to);
        browser.select(RUN + " select[name=dateField]", dateField);
        if (groupBy != null) {
            browser.select(RUN + " select[name=groupBy]", groupBy);
        }
        int sum = 0;
        for (Map.Entry<String, String> entry : sums.entrySet()) {
            if (sum > 0) {
                browser.click(RUN + " [data-test=add-sum]");
            }
            String row = RUN + " [data-test=run-sum][data-index='" + sum++ + "'] ";
            browser.type(row + "input[name=sumName]", entry.getKey());
            browser.select(row + "select[name=sumField]", entry.getValue());
        }
        browser.select(RUN + " select[name=resultForm]", resultForm);
        int value = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (value > 0) {
                browser.click(RUN + " [data-test=add-value]");
            }
            String row = RUN + " [data-test=run-value][data-index='" + value++ + "'] ";
            browser.select(row + "select[name=valueField]", entry.getKey());
            browser.type(row + "textarea[name=valueFormula]", entry.getValue());
        }
        browser.click(RUN + " [data-test=run-start]:enabled");
        browser.waitFor(RUN + " [data-test=run-progress]:not([data-status=running]), " + RUN + " .prop-error");
        List<WebElement> ended = browser.all(RUN + " [data-test=run-progress]:not([data-status=running])");
        return ended.isEmpty() ? null : ended.get(0).getDomAttribute("data-status");
    }

    /** The run's progress as the dialog shows it, e.g. "3 / 3". */
    String runProgress() {
        return browser.text(RUN + " [data-test=run-progress] .progress-label span:last-child");
    }

    private void typeAndLeave(String css, String text) {
        browser.type(css, text);
        browser.waitFor(css).sendKeys(Keys.TAB);
    }

    private static String node(String pointer) {
        return RULE + " [data-pointer='" + pointer + "']";
    }

    private static String action(int index) {
        return RULE + " [data-test=action][data-index='" + index + "']";
    }

    private static String column(String side, int index) {
        return GRID + " [data-test=column][data-side=" + side + "][data-column='" + index + "']";
    }

    private static String row(int row) {
        return GRID + " [data-test=decision-row][data-row='" + row + "']";
    }
}
