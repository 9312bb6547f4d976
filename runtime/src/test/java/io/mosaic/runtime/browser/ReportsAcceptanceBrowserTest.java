package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Issue 6's acceptance, end to end in headless Chromium: an analyst builds a dealer sales ranking (a bar chart, the
 * dealer dragged onto the dimensions) and a monthly sales trend (a line) in the report designer, puts both on a
 * dashboard with a shared date filter, publishes it and adds it to the app menu; a sales manager opens it from the
 * menu, narrows it to the first quarter, clicks a dealer's bar and lands on that dealer's orders of the quarter in
 * the record list; the dashboard also reads on a 390 px phone. Screenshots land in {@code target/screenshots}.
 */
@Tag("browser")
class ReportsAcceptanceBrowserTest extends SalesReportsBrowserTest {

    @Test
    void aRankingAndATrendOnADashboardDrillDownToTheDealersOrders() {
        ReportDesignerDriver designer = analystInTheDesigners("Ann Analyst", "en");

        salesReport(designer, "dealer_ranking", "经销商销售排行", "Dealer sales ranking",
                () -> designer.dragField("dealer", "dimensions"), "bar", "3 rows", "repacc-01-ranking-designer");
        salesReport(designer, "monthly_trend", "月度销售趋势", "Monthly sales trend",
                () -> designer.addField("order_date", "dimensions"), "line", "4 rows", "repacc-02-trend-designer");

        designer.openDesignHome(app);
        designer.createDashboard("sales_overview", "销售总览", "Sales overview", "Dealer sales ranking (dealer_ranking)");
        designer.addWidget("monthly_trend");
        assertThat(designer.place("monthly_trend")).containsEntry("x", 6).containsEntry("y", 0);
        designer.arrange("taller", 1);
        assertThat(designer.place("monthly_trend")).containsEntry("h", 6);
        designer.addDateFilter("period", "下单日期", "Order date", "order_date");
        designer.refreshSeconds(300);
        browser.screenshot("repacc-03-dashboard-designer");
        assertThat(designer.publish()).isEqualTo(1);

        designer.openDesignHome(app);
        browser.click("[data-test=add-menu-sales_overview]");
        browser.waitUntilGone("[data-test=add-menu-sales_overview]");

        user("manager_" + suffix, "Max Manager", null, "en", managerRole);
        signIn("manager_" + suffix, PASSWORD);
        browser.go(url("/#/apps/" + app));
        browser.click("[data-menu=sales_overview]");
        String ranking = "[data-widget=dealer_ranking] ";
        browser.waitFor(ranking + "[data-test=widget][data-loaded=true] [data-test=chart-canvas] canvas");
        browser.setValue("input[name=period-from]", "2026-01-01");
        browser.setValue("input[name=period-to]", "2026-03-31");
        browser.click("[data-test=apply-dashboard-filters]");
        browser.waitUntil(() -> browser.currentUrl().contains("period=2026-01-01..2026-03-31"));
        // North Motors' first quarter, without December's order.
        browser.waitUntil(() -> {
            Bar shown = barOf(ranking + "[data-test=chart-canvas]", "North Motors");
            return shown != null && shown.value() == 250000;
        });
        browser.waitFor("[data-widget=monthly_trend] [data-test=widget][data-loaded=true] [data-test=chart-canvas] canvas");
        browser.screenshot("repacc-04-dashboard");

        Bar bar = barOf(ranking + "[data-test=chart-canvas]", "North Motors");
        browser.clickAt(bar.x(), bar.y());
        browser.waitFor("[data-test=record-list] [data-test=applied-filters]");
        browser.waitUntil(() -> browser.all("[data-test=record-list] tbody tr[data-test^=record-]").size() == 3);
        List<String> rows = browser.all("[data-test=record-list] tbody tr[data-test^=record-]").stream().map(WebElement::getText).toList();
        assertThat(rows).allSatisfy(row -> assertThat(row).contains("North Motors").doesNotContain("999,999"));
        assertThat(browser.all("[data-test=applied-filter]")).extracting(e -> e.getDomAttribute("data-field")).contains("dealer");
        browser.screenshot("repacc-05-drilled-orders");

        browser.emulatePhone(390, 844);
        browser.go(url("/#/apps/" + app + "/dashboards/sales_overview?period=2026-01-01..2026-03-31"));
        browser.waitFor(ranking + "[data-test=widget][data-loaded=true] [data-test=chart-canvas] canvas");
        browser.waitFor("[data-widget=monthly_trend] [data-test=widget][data-loaded=true] [data-test=chart-canvas] canvas");
        assertThat(browser.horizontalOverflow()).isFalse();
        browser.screenshot("repacc-06-dashboard-phone");
    }

    /**
     * A new report over a new dataset of the order form: the dimension {@code dimension} puts on the shelf, the sum of
     * the amounts instead of the record count, the chart type; the live preview shows {@code rows}, then it is published.
     */
    private void salesReport(ReportDesignerDriver designer, String key, String nameZh, String nameEn, Runnable dimension,
            String chart, String rows, String screenshot) {
        designer.openDesignHome(app);
        designer.createReport(key, nameZh, nameEn, "Order (order)");
        dimension.run();
        designer.addField("amount", "measures");
        designer.removeChip("measures", "record_count");
        designer.chart(chart);
        if (chart.equals("bar")) {
            designer.sortBy("Amount", true);
        }
        assertThat(designer.previewRows()).isEqualTo(rows);
        designer.waitForPreviewChart();
        browser.screenshot(screenshot);
        assertThat(designer.publish()).isEqualTo(1);
    }
}
