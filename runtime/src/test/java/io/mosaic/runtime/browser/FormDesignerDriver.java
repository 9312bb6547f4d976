package io.mosaic.runtime.browser;

import java.util.List;
import java.util.Objects;

import org.openqa.selenium.Point;
import org.openqa.selenium.Rectangle;

/**
 * What an analyst does in the form designer, one step per method, for browser tests that build forms through the
 * UI (the designer's own test and end-to-end scenarios). Elements are found by their {@code data-test},
 * {@code data-palette} and {@code data-field} attributes, so steps do not depend on the language shown.
 * Fields are dragged from the palette with real pointer actions (SortableJS listens to pointer events in its
 * fallback mode); a dropped field is selected, so the property steps that follow apply to it.
 */
final class FormDesignerDriver extends DesignerDriver {

    private static final String CANVAS = "[data-test=canvas]";
    private static final String PROPERTIES = "[data-test=properties]";
    /** Rows of the last section of the tab shown: where a field dragged "to the end of the form" goes. */
    private static final String LAST_ROWS = CANVAS + " .sections > .canvas-section:last-of-type > .rows";

    FormDesignerDriver(Browser browser, String baseUrl) {
        super(browser, baseUrl);
    }

    /** From the app's page, through its Design entry, to the list of the app's forms. */
    void openDesignHome(String app) {
        openDesignHome(app, "design-home", "new-form");
    }

    /** "New form" on the design home, then the designer on the empty form. */
    void createForm(String key, String nameZh, String nameEn) {
        browser.click("[data-test=new-form]");
        browser.type("[data-test=new-form-dialog] input[name=key]", key);
        browser.type("[data-test=new-form-dialog] input[name=nameZh]", nameZh);
        browser.type("[data-test=new-form-dialog] input[name=nameEn]", nameEn);
        browser.click("[data-test=new-form-dialog] button[type=submit]");
        browser.waitFor(LAST_ROWS);
    }

    void openForm(String app, String key) {
        browser.go(baseUrl + "/#/design/" + app + "/forms/" + key);
        browser.waitFor(LAST_ROWS);
    }

    /** Drags a field type from the palette to the end of the form (the last section); answers the new field's key. */
    String dragField(String type) {
        int before = fieldKeys().size();
        browser.drag(palette(type), LAST_ROWS, FormDesignerDriver::nearBottom);
        browser.waitUntil(() -> fieldKeys().size() == before + 1);
        return selectedKey();
    }

    /**
     * Drags the order lines of the scenario to the end of the form: a sub-table {@code lines} with product
     * (text), quantity (integer), unit price (money) and amount (formula {@code quantity * price}, left selected).
     */
    void dragOrderLines() {
        dragField("subtable");
        name("lines", "订单明细", "Lines");
        dragColumn("text", "lines");
        name("product", "产品", "Product");
        dragColumn("integer", "lines");
        name("quantity", "数量", "Quantity");
        dragColumn("money", "lines");
        name("price", "单价", "Unit price");
        dragColumn("formula", "lines");
        name("amount", "金额", "Amount");
        typeFormula("quantity * price");
    }

    /** Drags a field type from the palette into a sub-table as its last column; answers the column's key. */
    String dragColumn(String type, String subtableKey) {
        String columns = field(subtableKey) + " .columns";
        int before = columnKeys(subtableKey).size();
        browser.drag(palette(type), columns, FormDesignerDriver::nearRightEnd);
        browser.waitUntil(() -> columnKeys(subtableKey).size() == before + 1);
        return selectedKey();
    }

    /**
     * Drags a field that has a row of its own above another field's row, coming from below: SortableJS swaps places
     * once the pointer is over the middle of the other row.
     */
    void dragFieldAbove(String fieldKey, String aboveKey) {
        browser.drag(row(fieldKey), row(aboveKey), target -> new Point(target.x + target.width / 2, target.y + target.height / 2));
        browser.waitUntil(() -> {
            List<String> keys = fieldKeys();
            return keys.indexOf(fieldKey) == keys.indexOf(aboveKey) - 1;
        });
    }

    /** Drags a multi-column row from the palette to the end of the form, ready for fields to go side by side. */
    void dragRowOfColumns() {
        int before = browser.all(CANVAS + " .canvas-row-multi").size();
        browser.drag(palette("row"), LAST_ROWS, FormDesignerDriver::nearBottom);
        browser.waitUntil(() -> browser.all(CANVAS + " .canvas-row-multi").size() == before + 1);
    }

    /** Drags a field type into the last multi-column row of the form, after the fields there; answers its key. */
    String dragFieldIntoLastRow(String type) {
        String cells = CANVAS + " .sections > .canvas-section:last-of-type .canvas-row-multi:last-of-type > .cells";
        int before = browser.all(cells + " > .cell").size();
        browser.drag(palette(type), cells, FormDesignerDriver::nearRightEnd);
        browser.waitUntil(() -> browser.all(cells + " > .cell").size() == before + 1);
        return selectedKey();
    }

    /** Adds a titled section after the selection's (click in the palette), and selects it. */
    void addSection(String titleZh, String titleEn) {
        int before = browser.all(CANVAS + " .canvas-section").size();
        browser.click(palette("section"));
        browser.waitUntil(() -> browser.all(CANVAS + " .canvas-section").size() == before + 1);
        browser.type(PROPERTIES + " input[name='title/zh-CN']", titleZh);
        browser.type(PROPERTIES + " input[name='title/en']", titleEn);
    }

    /** Puts the form into tabs (or adds a tab) and shows the new tab. */
    void addTab() {
        int before = browser.all(CANVAS + " .canvas-tab[data-tab]").size();
        browser.click(palette("tabs"));
        browser.waitUntil(() -> browser.all(CANVAS + " .canvas-tab[data-tab]").size() == Math.max(2, before + 1));
    }

    void showTab(String tabKey) {
        browser.click(CANVAS + " .canvas-tab[data-tab=" + tabKey + "]");
    }

    /** Adds a field type next to the selection by clicking it in the palette, the keyboard's way. */
    String clickField(String type) {
        int before = browser.all(CANVAS + " .field-card, " + CANVAS + " .column-chip").size();
        browser.click(palette(type));
        browser.waitUntil(() -> browser.all(CANVAS + " .field-card, " + CANVAS + " .column-chip").size() == before + 1);
        return selectedKey();
    }

    void select(String fieldKey) {
        browser.click(field(fieldKey) + " .field-card-head");
        browser.waitUntil(() -> fieldKey.equals(selectedKey()));
    }

    void selectColumn(String subtableKey, String columnKey) {
        browser.click(field(subtableKey) + " .column-chip[data-field=" + columnKey + "]");
        browser.waitUntil(() -> columnKey.equals(selectedKey()));
    }

    /** Gives the selected field its key and its labels in both languages. */
    void name(String key, String labelZh, String labelEn) {
        browser.type(PROPERTIES + " input[name=key]", key);
        browser.type(PROPERTIES + " input[name='label/zh-CN']", labelZh);
        browser.type(PROPERTIES + " input[name='label/en']", labelEn);
        browser.waitFor(CANVAS + " [data-field=" + key + "]");
    }

    void check(String property) {
        browser.click(PROPERTIES + " input[type=checkbox][name=" + property + "]");
    }

    /** Types the selected formula field's expression. */
    void typeFormula(String expression) {
        browser.type(PROPERTIES + " textarea[name=expression]", expression);
    }

    /** Waits for the server's verdict on the expression just typed; answers the error's position, or -1 when valid. */
    int formulaCheck(String expression) {
        String verdict = PROPERTIES + " .formula-check";
        browser.waitUntil(() -> browser.all(verdict).stream()
                .anyMatch(element -> expression.equals(element.getDomAttribute("data-expression"))));
        if (!browser.all(PROPERTIES + " [data-test=formula-ok]").isEmpty()) {
            return -1;
        }
        String position = browser.waitFor(PROPERTIES + " [data-test=formula-error] [data-position]").getDomAttribute("data-position");
        return Integer.parseInt(Objects.requireNonNull(position));
    }

    String formulaError() {
        return browser.text(PROPERTIES + " [data-test=formula-error]");
    }

    void removeSelected() {
        browser.click(CANVAS + " .node-tools [data-test=remove]");
    }

    void undo() {
        browser.click("[data-test=undo]");
    }

    void redo() {
        browser.click("[data-test=redo]");
    }

    /** Ctrl+Z with the focus on the canvas, not in a text box (where it undoes typing). */
    void undoWithKeyboard() {
        browser.click(CANVAS + " .canvas-title");
        browser.pressWithControl("z");
    }

    void redoWithKeyboard() {
        browser.click(CANVAS + " .canvas-title");
        browser.pressWithControl("y");
    }

    void saveDraft() {
        browser.click("[data-test=save-draft]");
        browser.waitFor("[data-test=notice][data-notice=saved], [data-test=problems]");
    }

    /** Publishes (saving first if needed); answers the version number the designer then shows. */
    int publish() {
        browser.click("[data-test=publish]");
        browser.waitFor("[data-test=notice][data-notice=published], [data-test=problems]");
        return Integer.parseInt(Objects.requireNonNull(browser.waitFor("[data-test=status]").getDomAttribute("data-version")));
    }

    void preview() {
        browser.click("[data-test=view-preview]");
        browser.waitFor("[data-test=preview]");
    }

    /** What the preview shows as a computed or read-only field's value. */
    String previewValue(String fieldKey) {
        return browser.text("[data-test=preview] [data-test='value-" + fieldKey + "']");
    }

    /** Types into a cell of a sub-table in the preview. */
    void typeInPreviewCell(String subtableKey, int row, String columnKey, String text) {
        browser.type("[data-test=preview] [data-test='subtable-" + subtableKey + "'] [data-test=row-" + row + "] [data-test='input-"
                + subtableKey + "." + columnKey + "'] input", text);
    }

    void design() {
        browser.click("[data-test=view-design]");
        browser.waitFor(CANVAS);
    }

    /** Keys of the form's top-level fields as the canvas shows them, tab shown only. */
    List<String> fieldKeys() {
        return browser.all(CANVAS + " .canvas-row > .field-card, " + CANVAS + " .cell > .field-card").stream()
                .map(element -> element.getDomAttribute("data-field")).toList();
    }

    List<String> columnKeys(String subtableKey) {
        return browser.all(field(subtableKey) + " .column-chip").stream()
                .map(element -> element.getDomAttribute("data-field")).toList();
    }

    /** The key of the selected field or column, or null when something else is selected. */
    String selectedKey() {
        List<org.openqa.selenium.WebElement> key = browser.all(PROPERTIES + " [data-test=field-properties] input[name=key]");
        return key.isEmpty() ? null : key.get(0).getDomProperty("value");
    }

    static String field(String key) {
        return CANVAS + " .field-card[data-field=" + key + "]";
    }

    private static String row(String fieldKey) {
        return CANVAS + " .canvas-row:has(> .field-card[data-field=" + fieldKey + "])";
    }

    private static String palette(String type) {
        return "[data-test=palette] [data-palette=" + type + "]";
    }

    /** Just above the bottom edge of a list: below its last item, so a drop there appends. */
    private static Point nearBottom(Rectangle list) {
        return new Point(list.x + list.width / 2, list.y + list.height - 5);
    }

    private static Point nearRightEnd(Rectangle list) {
        return new Point(list.x + list.width - 12, list.y + list.height / 2);
    }
}
