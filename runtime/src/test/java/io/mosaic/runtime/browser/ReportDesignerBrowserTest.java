package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The report and dashboard designers and the workspace's widgets beyond the acceptance path: a Chinese analyst sees
 * a refused save marked on the shelf at fault, the server-drawn ranking table (with a calculated measure) and KPI card
 * in the live preview, and a filter narrowing it; a dashboard laid out by dragging a report onto the grid and by the arrange buttons, with
 * undo; and, in the workspace, a widget's CSV and PNG export and the drill-down from a ranking table's row.
 */
@Tag("browser")
class ReportDesignerBrowserTest extends SalesReportsBrowserTest {

    @Test
    void aRefusedSaveIsMarkedOnTheShelfAndThePreviewDrawsTheRankingTableAndTheKpiCard() {
        ReportDesignerDriver designer = analystInTheDesigners("安娜", "zh-CN");
        designer.openDesignHome(app);
        designer.createReport("dealer_table", "经销商排行表", "Dealer table", "订单 (order)");
        designer.addField("dealer", "dimensions");
        designer.addField("amount", "measures");

        designer.chart("pie");
        browser.waitFor("[data-test=shape-hint]");
        browser.click("[data-test=save-draft]:enabled");
        browser.waitFor("[data-test=problems] [data-which=report][data-zone=measures]");
        browser.waitFor("[data-test=shelf-measures].invalid");
        browser.screenshot("repdes-01-refused-pie-zh");

        designer.removeChip("measures", "record_count");
        designer.chart("ranking");
        assertThat(designer.previewRows()).isEqualTo("3 行");
        assertThat(browser.all("[data-test=preview] [data-test=ranking] [data-test=result-row]")).hasSize(3);
        assertThat(browser.text("[data-test=preview] [data-test=ranking] [data-test=result-row]")).contains("North Motors");

        browser.click("[data-test=add-calculated]");
        String calculated = "[data-test=calculated-form] ";
        browser.type(calculated + "input[name=calcKey]", "amount_k");
        browser.type(calculated + "input[name=calcLabel-zh]", "千元");
        browser.type(calculated + "input[name=calcLabel-en]", "Thousands");
        browser.type(calculated + "input[name=calcExpression]", "amount_sum / 1000");
        browser.click(calculated + "[data-test=add-calculated-measure]");
        browser.waitFor("[data-test=shelf-measures] [data-key=amount_k]");
        designer.previewRows();
        assertThat(browser.text("[data-test=preview] [data-test=ranking] [data-test=result-row]")).contains("1,249,999", "1,250");
        designer.removeChip("measures", "amount_k");

        designer.addField("dealer", "filters");
        browser.setValue("[data-test=filter-chip][data-field=dealer] input[name=value]", "South Auto");
        assertThat(designer.previewRows()).isEqualTo("1 行");
        browser.screenshot("repdes-02-ranking-filtered-zh");

        designer.removeChip("dimensions", "dealer");
        designer.chart("kpi");
        designer.previewRows();
        assertThat(browser.text("[data-test=preview] [data-test=kpi] .kpi-value")).isEqualTo("150,000");
        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("repdes-03-kpi-published-zh");
    }

    @Test
    void aDashboardIsLaidOutByDragAndButtonsAndItsWidgetsExportAndDrillDown() throws IOException {
        metadata.publishContent(app, "dataset", "sales", """
                {"key": "sales", "name": {"zh-CN": "销售", "en": "Sales"}, "source": {"form": "order"},
                 "dimensions": [{"key": "dealer", "field": "dealer", "label": {"zh-CN": "经销商", "en": "Dealer"}}],
                 "measures": [{"key": "amount", "field": "amount", "aggregation": "sum", "label": {"zh-CN": "金额", "en": "Amount"}}],
                 "sort": [{"key": "amount", "direction": "desc"}]}""",
                null, "admin");
        metadata.publishContent(app, "report", "ranking_bar", """
                {"key": "ranking_bar", "name": {"zh-CN": "经销商销售", "en": "Dealer sales"}, "dataset": "sales",
                 "dimensions": ["dealer"], "measures": ["amount"], "chart": {"type": "bar"}}""", null, "admin");
        metadata.publishContent(app, "report", "dealer_table", """
                {"key": "dealer_table", "name": {"zh-CN": "经销商排行表", "en": "Dealer table"}, "dataset": "sales",
                 "dimensions": ["dealer"], "measures": ["amount"], "chart": {"type": "ranking"}}""", null, "admin");
        ReportDesignerDriver designer = analystInTheDesigners("Ann Analyst", "en");
        designer.openDesignHome(app);
        designer.createDashboard("board", "看板", "Board", "Dealer sales (ranking_bar)");

        designer.dragReportOntoGrid("dealer_table", 0, 7);
        browser.waitFor("[data-test=grid-widget][data-widget=dealer_table]");
        assertThat(designer.place("dealer_table")).containsEntry("x", 0).containsEntry("y", 5);
        designer.selectWidget("dealer_table");
        designer.arrange("move-right", 6);
        assertThat(designer.place("dealer_table")).containsEntry("x", 6).containsEntry("y", 0);
        designer.arrange("narrower", 2);
        assertThat(designer.place("dealer_table")).containsEntry("w", 4);
        browser.click("[data-test=undo]:enabled");
        assertThat(designer.place("dealer_table")).containsEntry("w", 5);
        designer.resizeTo("ranking_bar", 5, 7);
        browser.waitFor("[data-test=grid-widget][data-widget=ranking_bar][data-h='8']");
        assertThat(designer.place("ranking_bar")).containsEntry("w", 6).containsEntry("x", 0);
        browser.screenshot("repdes-04-dashboard-layout");
        assertThat(designer.publish()).isEqualTo(1);

        designer.openDesignHome(app);
        browser.waitFor("[data-test=dashboard-list] [data-key=board]");
        browser.runAsync("document.querySelector('[data-test=report-home]').scrollIntoView(); arguments[0]();");
        browser.screenshot("repdes-05-design-home");
        browser.click("[data-test=view-board]");

        String table = "[data-widget=dealer_table] ";
        browser.waitFor(table + "[data-test=widget][data-loaded=true] [data-test=ranking]");
        browser.waitFor("[data-widget=ranking_bar] [data-test=widget][data-loaded=true] [data-test=chart-canvas] canvas");
        browser.screenshot("repdes-06-dashboard");
        browser.click("[data-test=wall]");
        browser.waitFor("[data-test=dashboard].wall");
        browser.screenshot("repdes-07-wall");
        browser.click("[data-test=wall]");
        browser.waitUntilGone("[data-test=dashboard].wall");
        browser.click("[data-widget=ranking_bar] [data-test=export-csv]");
        assertThat(Files.readString(browser.waitForDownload(".csv"))).contains("North Motors", "South Auto");
        browser.click("[data-widget=ranking_bar] [data-test=export-png]");
        Path png = browser.waitForDownload(".png");
        assertThat(Files.size(png)).isGreaterThan(1000);
        // The whole dashboard: its charts composed into one picture, and that picture as a PDF from the server.
        browser.click("[data-test=dashboard-png]");
        assertThat(Files.size(browser.waitForDownload(LocalDate.now() + ".png"))).isGreaterThan(1000);
        browser.click("[data-test=dashboard-pdf]");
        assertThat(Files.readAllBytes(browser.waitForDownload(".pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

        browser.click(table + "[data-test=result-row]:first-child");
        browser.waitFor("[data-test=record-list] [data-test=applied-filter][data-field=dealer]");
        browser.waitUntil(() -> browser.all("[data-test=record-list] tbody tr[data-test^=record-]").size() == 4);
    }

    @Test
    void theSamplePacksSalesDashboardOpensOnItsDefaultPeriodOnADesktopAndAPhone() {
        laptopScreen();
        signIn("admin", "admin-test-pw");
        browser.go(url("/#/apps/dms/dashboards/sales"));
        browser.waitFor("[data-widget=total] [data-test=widget][data-loaded=true]");
        browser.waitFor("[data-widget=trend] [data-test=widget][data-loaded=true]");
        assertThat(browser.value("select[name=period-preset]")).isEqualTo("this_year");
        browser.screenshot("repdes-08-dms-dashboard");
        browser.emulatePhone(390, 844);
        browser.reload();
        browser.waitFor("[data-widget=ranking] [data-test=widget][data-loaded=true]");
        // The dashboard fits the phone's width (the admin's header, with its Administration menu, is the shell's own).
        assertThat(browser.runAsync("""
                const box = document.querySelector('[data-test=dashboard]');
                arguments[0](box.scrollWidth <= box.clientWidth + 1 && box.getBoundingClientRect().right <= window.innerWidth + 1);
                """)).isEqualTo(true);
        browser.screenshot("repdes-09-dms-dashboard-phone");
    }
}
