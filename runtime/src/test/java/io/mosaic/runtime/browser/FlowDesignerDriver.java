package io.mosaic.runtime.browser;

import java.util.List;
import java.util.Objects;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What an analyst does in the process designer, one step per method, for browser tests that build approval
 * processes through the UI (the designer's own test and end-to-end scenarios). The property panel is driven with
 * real clicks and typing, found by {@code data-test} attributes and input names so that steps do not depend on the
 * language shown. The diagram's shapes are selected by clicking them; changes to the diagram's structure go
 * through the bpmn-js modeler that the page keeps on its canvas element, as an analyst's drags on the palette
 * would make them, laid out left to right.
 */
final class FlowDesignerDriver extends DesignerDriver {

    private static final String CANVAS = "[data-test=bpmn-canvas]";
    private static final String PROPERTIES = "[data-test=properties]";
    private static final String MODELER = "const m = document.querySelector('[data-test=bpmn-canvas]').bpmnModeler;"
            + "const registry = m.get('elementRegistry'), modeling = m.get('modeling');";

    FlowDesignerDriver(Browser browser, String baseUrl) {
        super(browser, baseUrl);
    }

    /** From the app's page, through its Design entry, to the design home with the app's processes. */
    void openDesignHome(String app) {
        openDesignHome(app, "process-home", "new-process");
    }

    /**
     * "New process" on the design home: its key, name and the published form that starts it (as the list shows it,
     * e.g. "Order (order)"), then the designer on the starter process: start → one user task ({@code review}) → end.
     */
    void createProcess(String key, String name, String formLabel) {
        browser.click("[data-test=new-process]");
        browser.type("[data-test=new-process-dialog] input[name=key]", key);
        browser.type("[data-test=new-process-dialog] input[name=name]", name);
        browser.select("[data-test=new-process-dialog] select[name=form]", formLabel);
        browser.click("[data-test=new-process-dialog] button[type=submit]");
        waitForDiagram();
    }

    void openProcess(String app, String key) {
        browser.go(baseUrl + "/#/design/" + app + "/flows/" + key);
        waitForDiagram();
    }

    private void waitForDiagram() {
        browser.waitFor(CANVAS + " .djs-element.djs-shape");
        browser.waitFor(PROPERTIES + " [data-test=process-properties]");
    }

    /** Clicks a shape of the diagram (a task, gateway or event), which shows its properties. */
    void select(String elementId) {
        browser.click(shape(elementId));
        browser.waitFor(PROPERTIES + "[data-element='" + elementId + "']");
    }

    /** Selects a sequence flow; a flow is a thin line that a click at the middle of its box may miss. */
    void selectFlow(String flowId) {
        browser.runAsync(MODELER + "m.get('selection').select(registry.get(arguments[0])); arguments[1]();", flowId);
        browser.waitFor(PROPERTIES + "[data-element='" + flowId + "']");
    }

    /**
     * Puts a new element of a BPMN type ({@code bpmn:UserTask}, {@code bpmn:ExclusiveGateway}) between a shape and
     * what follows it, moving everything to its right further right; answers the new element's id.
     */
    String insertAfter(String elementId, String type) {
        return (String) browser.runAsync(MODELER + """
                const source = registry.get(arguments[0]);
                const out = source.outgoing[0];
                const next = out.target;
                const shape = m.get('elementFactory').createShape({ type: arguments[1] });
                // Room for the new shape and a condition written along the flow into it.
                const gap = shape.width + 110;
                const right = registry.filter(e => !e.waypoints && e.type !== 'label' && e.x >= source.x + source.width);
                modeling.moveElements(right, { x: gap, y: 0 });
                modeling.removeConnection(out);
                const added = modeling.appendShape(source, shape,
                    { x: source.x + source.width + 110 + shape.width / 2, y: source.y + source.height / 2 });
                modeling.connect(added, next);
                arguments[2](added.id);
                """, elementId, type);
    }

    /**
     * Connects a gateway to a later shape with a flow that runs below the ones between them; answers the flow's id.
     */
    String connectBelow(String fromId, String toId) {
        return (String) browser.runAsync(MODELER + """
                const from = registry.get(arguments[0]), to = registry.get(arguments[1]);
                const below = Math.max(from.y + from.height, to.y + to.height) + 60;
                const x1 = from.x + from.width / 2, x2 = to.x + to.width / 2;
                const flow = modeling.connect(from, to, { type: 'bpmn:SequenceFlow', waypoints: [
                    { x: x1, y: from.y + from.height }, { x: x1, y: below }, { x: x2, y: below }, { x: x2, y: to.y + to.height }] });
                arguments[2](flow.id);
                """, fromId, toId);
    }

    /** The id of the flow from one element to another. */
    String flowBetween(String fromId, String toId) {
        return (String) browser.runAsync(MODELER + """
                const flow = registry.get(arguments[0]).outgoing.find(f => f.target.id === arguments[1]);
                arguments[2](flow ? flow.id : null);
                """, fromId, toId);
    }

    /** Gives the selected element a new id in the property panel; its binding entry follows. */
    void setId(String id) {
        browser.type(PROPERTIES + " input[name=id]", id);
        first(PROPERTIES + " input[name=id]").sendKeys(Keys.TAB);
        browser.waitFor(PROPERTIES + "[data-element='" + id + "']");
    }

    void setName(String name) {
        browser.type(PROPERTIES + " input[name=name]", name);
        first(PROPERTIES + " input[name=name]").sendKeys(Keys.TAB);
    }

    /** Names the selected element in one language (zh-CN, en) for the workspace, beside its BPMN name. */
    void translateName(String language, String name) {
        browser.type(PROPERTIES + " input[name=name-" + language + "]", name);
        first(PROPERTIES + " input[name=name-" + language + "]").sendKeys(Keys.TAB);
    }

    /** Chooses how the selected task is assigned: users, roles, initiator_manager, candidates, … */
    void assignmentType(String type) {
        new Select(first(PROPERTIES + " select[name=assignmentType]")).selectByValue(type);
    }

    /** Adds a user to the selected task's assignees, by the name the picker shows ("Ann (ann)"). */
    void addUser(String label) {
        browser.select(PROPERTIES + " [data-test=pick-users] select", label);
        browser.waitForText(PROPERTIES + " [data-test=pick-users]", label);
    }

    void addRole(String label) {
        browser.select(PROPERTIES + " [data-test=pick-roles] select", label);
        browser.waitForText(PROPERTIES + " [data-test=pick-roles]", label);
    }

    /**
     * Behind the element {@code after}: an exclusive gateway, then a new user task (its id and name) assigned to a
     * role, by the name the picker shows. The task is left selected, for more of its settings.
     */
    void addRoleReviewBehindGateway(String after, String gateway, String task, String name, String roleLabel) {
        select(insertAfter(after, "bpmn:ExclusiveGateway"));
        setId(gateway);
        select(insertAfter(gateway, "bpmn:UserTask"));
        setId(task);
        setName(name);
        assignmentType("roles");
        addRole(roleLabel);
    }

    /** Ticks or clears an action the assignee of the selected task may take (approve, reject, transfer, …). */
    void allowAction(String action, boolean allowed) {
        WebElement box = browser.waitFor(PROPERTIES + " input[name=actions][value=" + action + "]");
        if (box.isSelected() != allowed) box.click();
    }

    /** Sets what the assignee of the selected task may do with a field: editable, read_only or hidden. */
    void fieldAccess(String fieldPath, String access) {
        browser.click(PROPERTIES + " [data-test=access-grid] tr[data-field='" + fieldPath + "'] input[value=" + access + "]");
    }

    /** Gives the selected task a time limit in days or hours and what happens when it is overdue. */
    void sla(int amount, String unit, String onOverdue) {
        WebElement on = browser.waitFor(PROPERTIES + " input[name=sla]");
        if (!on.isSelected()) on.click();
        browser.type(PROPERTIES + " input[name=dueAmount]", Integer.toString(amount));
        new Select(first(PROPERTIES + " select[name=dueUnit]")).selectByValue(unit);
        new Select(first(PROPERTIES + " select[name=onOverdue]")).selectByValue(onOverdue);
    }

    /** Makes the selected task multi-instance, countersigned by all, any one, or a percentage of its signers. */
    void countersign(String mode, Integer percentage) {
        WebElement multiInstance = browser.waitFor(PROPERTIES + " input[name=multiInstance]");
        if (!multiInstance.isSelected()) multiInstance.click();
        new Select(first(PROPERTIES + " select[name=countersignMode]")).selectByValue(mode);
        if (percentage != null) {
            browser.type(PROPERTIES + " input[name=percentage]", percentage.toString());
        }
    }

    /** Types the selected flow's condition and waits for the server's verdict; answers whether it is valid. */
    boolean condition(String expression) {
        browser.type(PROPERTIES + " textarea[name=condition]", expression);
        browser.waitUntil(() -> browser.all(PROPERTIES + " .formula-check").stream()
                .anyMatch(element -> expression.equals(element.getDomAttribute("data-expression"))));
        return !browser.all(PROPERTIES + " [data-test=formula-ok]").isEmpty();
    }

    /** Makes the selected flow its gateway's default. */
    void makeDefault() {
        browser.click(PROPERTIES + " input[name=defaultFlow]");
        browser.waitUntil(() -> first(PROPERTIES + " input[name=defaultFlow]").isSelected());
    }

    /** Clicks the diagram's background, which shows the process's own properties. */
    void selectProcess() {
        browser.runAsync(MODELER + "m.get('selection').select(null); arguments[0]();");
        browser.waitFor(PROPERTIES + " [data-test=process-properties]");
    }

    void saveDraft() {
        browser.click("[data-test=save-draft]");
        browser.waitFor("[data-test=notice][data-notice=saved], [data-test=problems]");
    }

    /** Publishes the process and its binding (saving first if needed); answers the binding's version, null if refused. */
    Integer publish() {
        browser.click("[data-test=publish]");
        browser.waitFor("[data-test=notice][data-notice=published], [data-test=problems]");
        if (!browser.all("[data-test=problems]").isEmpty()) {
            return null;
        }
        return Integer.parseInt(Objects.requireNonNull(browser.waitFor("[data-test=status]").getDomAttribute("data-version")));
    }

    /** Ids of the elements the diagram marks as having problems. */
    List<String> markedElements() {
        return browser.all(CANVAS + " .djs-element.mo-error").stream()
                .map(element -> element.getDomAttribute("data-element-id")).toList();
    }

    /** Clicks the problem listed for an element, which selects it. */
    void showProblemOf(String elementId) {
        browser.click("[data-test=problems] li[data-element='" + elementId + "'] button");
        browser.waitFor(PROPERTIES + "[data-element='" + elementId + "']");
    }

    private WebElement first(String css) {
        return browser.waitFor(css);
    }

    private static String shape(String elementId) {
        return CANVAS + " .djs-element.djs-shape[data-element-id='" + elementId + "']";
    }
}
