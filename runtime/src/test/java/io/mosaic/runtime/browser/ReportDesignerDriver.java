package io.mosaic.runtime.browser;

import java.util.Map;

import org.openqa.selenium.Point;
import org.openqa.selenium.Rectangle;

/**
 * What an analyst does in the report designer and the dashboard designer, one step per method, for browser tests
 * that build reports and dashboards through the UI. Elements are found by {@code data-test} attributes, field paths
 * ({@code data-field}), shelf chips by dataset key ({@code data-key}) and widgets by key ({@code data-widget}), so
 * the steps do not depend on the language shown.
 */
final class ReportDesignerDriver extends DesignerDriver {

    private static final String REPORT = "[data-test=report-designer] ";
    private static final String DASHBOARD = "[data-test=dashboard-designer] ";

    ReportDesignerDriver(Browser browser, String baseUrl) {
        super(browser, baseUrl);
    }

    /** From the app's page, through its Design entry, to the design home, scrolled to its reports. */
    void openDesignHome(String app) {
        openDesignHome(app, "report-home", "new-report");
    }

    /** "New report" over a new dataset from a form, as the dialog lists it (e.g. "Order (order)"). */
    void createReport(String key, String nameZh, String nameEn, String formLabel) {
        create("report", key, nameZh, nameEn, formLabel);
        browser.waitFor(REPORT + "[data-test=report-data]");
    }

    /** Drags a field of the palette onto a shelf (dimensions, measures or filters), as a hand would. */
    void dragField(String path, String shelf) {
        browser.drag(REPORT + "[data-test=field][data-field='" + path + "']", REPORT + "[data-test=shelf-" + shelf + "] .shelf-list",
                rect -> new Point(rect.x + rect.width - 20, rect.y + rect.height / 2));
        browser.waitFor(REPORT + "[data-test=shelf-" + shelf + "] [data-test=chip], " + REPORT + "[data-test=shelf-" + shelf + "] [data-test=filter-chip]");
    }

    /** Adds a field to a shelf with its button (the keyboard's way); {@code ""} is the record count. */
    void addField(String path, String shelf) {
        browser.click(REPORT + "[data-test=field][data-field='" + path + "'] [data-test=to-" + shelf + "]");
    }

    void removeChip(String shelf, String key) {
        browser.click(REPORT + "[data-test=shelf-" + shelf + "] [data-key=" + key + "] [data-test=remove-chip]");
        browser.waitUntilGone(REPORT + "[data-test=shelf-" + shelf + "] [data-key=" + key + "]");
    }

    boolean hasChip(String shelf, String key) {
        return !browser.all(REPORT + "[data-test=shelf-" + shelf + "] [data-key=" + key + "]").isEmpty();
    }

    /** Picks a chart type by its choice id: bar, bar_stacked, bar_horizontal, line, area, pie, donut, … */
    void chart(String choice) {
        browser.click(REPORT + "[data-test=chart-picker] [data-chart=" + choice + "]");
        browser.waitFor(REPORT + "[data-test=chart-picker] [data-chart=" + choice + "][aria-checked=true]");
    }

    /** Sorts by a picked dimension or measure, as the sort list names it. */
    void sortBy(String label, boolean descending) {
        browser.select(REPORT + "select[name=sort]", label);
        browser.waitFor(REPORT + "select[name=direction]");
        browser.setValue(REPORT + "select[name=direction]", descending ? "desc" : "asc");
    }

    /** The rows of the live preview once it has caught up with the definition on screen. */
    String previewRows() {
        browser.waitFor(REPORT + "[data-test=preview][data-state=ready] [data-test=preview-rows]");
        return browser.text(REPORT + "[data-test=preview-rows]");
    }

    /** Waits for the preview to draw its chart. */
    void waitForPreviewChart() {
        browser.waitFor(REPORT + "[data-test=preview][data-state=ready] [data-test=chart-canvas] canvas");
    }

    /** Publishes (the dataset first, then the report, or the dashboard) and answers the published version. */
    int publish() {
        browser.click("[data-test=publish]:enabled");
        browser.waitFor("[data-test=notice][data-notice=published]");
        return Integer.parseInt(browser.waitFor("[data-test=status][data-version]").getDomAttribute("data-version"));
    }

    /** "New dashboard" with a first report, as the dialog lists it (its name and key). */
    void createDashboard(String key, String nameZh, String nameEn, String firstReportLabel) {
        create("dashboard", key, nameZh, nameEn, firstReportLabel);
        browser.waitFor(DASHBOARD + "[data-test=design-grid] [data-test=grid-widget]");
    }

    /** Adds a report as a widget with its button; the widget lands in the first free place and is selected. */
    void addWidget(String report) {
        browser.click(DASHBOARD + "[data-test=palette-report][data-report=" + report + "] [data-test=add-widget]");
        browser.waitFor(DASHBOARD + "[data-test=widget-props][data-widget=" + report + "]");
    }

    /** Drags a report from the list onto the grid, at the grid's top left corner cell {@code (column, row)}. */
    void dragReportOntoGrid(String report, int column, int row) {
        browser.drag(DASHBOARD + "[data-test=palette-report][data-report=" + report + "]", DASHBOARD + "[data-test=design-grid]",
                rect -> cell(rect, column, row));
    }

    /** Drags a widget's corner to the grid cell {@code (column, row)}, which becomes its bottom right cell. */
    void resizeTo(String widget, int column, int row) {
        browser.drag(DASHBOARD + "[data-test=grid-widget][data-widget=" + widget + "] [data-test=widget-resize]",
                DASHBOARD + "[data-test=design-grid]",
                rect -> cell(rect, column, row));
    }

    void selectWidget(String widget) {
        browser.click(DASHBOARD + "[data-test=grid-widget][data-widget=" + widget + "] [data-test=widget-bar]");
        browser.waitFor(DASHBOARD + "[data-test=widget-props][data-widget=" + widget + "]");
    }

    /** Presses one of the selected widget's arrange buttons (move-left, wider, taller, …) {@code times} times. */
    void arrange(String button, int times) {
        for (int i = 0; i < times; i++) {
            browser.click(DASHBOARD + "[data-test=widget-props] [data-test=" + button + "]");
        }
    }

    /** A widget's place on the grid: x, y, w, h. */
    Map<String, Integer> place(String widget) {
        var element = browser.waitFor(DASHBOARD + "[data-test=grid-widget][data-widget=" + widget + "]");
        return Map.of("x", Integer.parseInt(element.getDomAttribute("data-x")), "y", Integer.parseInt(element.getDomAttribute("data-y")),
                "w", Integer.parseInt(element.getDomAttribute("data-w")), "h", Integer.parseInt(element.getDomAttribute("data-h")));
    }

    /** Adds a shared date range filter on {@code field} (the last filter in the list gets the key and names). */
    void addDateFilter(String key, String labelZh, String labelEn, String field) {
        browser.click(DASHBOARD + "[data-test=add-dashboard-filter]");
        String last = DASHBOARD + "[data-test=filter-edit]:last-of-type ";
        browser.setValue(last + "input[name=filterKey]", key);
        browser.type(last + "input[name^=filterLabel][name$=-zh]", labelZh);
        browser.type(last + "input[name^=filterLabel][name$=-en]", labelEn);
        browser.setValue(last + "input[name=filterField]", field);
        browser.waitFor(DASHBOARD + "[data-test=filter-edit][data-filter=" + key + "]");
    }

    /** A point inside grid cell {@code (column, row)}: 8 px padding and gaps, 56 px rows, as app.css draws the grid. */
    private static Point cell(Rectangle grid, int column, int row) {
        double columnPitch = (grid.width - 16 + 8) / 12.0;
        return new Point((int) (grid.x + 8 + column * columnPitch + 10), grid.y + 8 + row * 64 + 10);
    }

    void refreshSeconds(int seconds) {
        browser.setValue(DASHBOARD + "input[name=refreshSeconds]", Integer.toString(seconds));
    }
}
