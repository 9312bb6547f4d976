package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.form.store.Actor;
import io.mosaic.runtime.form.FormRecords;

/**
 * The rule designer in headless Chromium against the real runtime, at 1366×768: an analyst builds "order total over
 * 50,000 → notify finance in-app and by e-mail" and a three-tier rebate table from the design home, simulates both
 * against their drafts, publishes them and finds what the panel was told in the published versions. Refused drafts
 * show their problems where they point: a rejecting rule on an after-save trigger on its action, a decision row that
 * never applies on its row (in Chinese, the other language of the UI). Screenshots of each step land in
 * {@code target/screenshots}; any script error a page logs fails the test.
 */
@Tag("browser")
class RuleDesignerBrowserTest extends AppBrowserTest {

    @Autowired
    FormRecords records;

    private final String app = "rules_" + suffix;
    private final String finance = "fin_" + suffix;
    private RuleDesignerDriver designer;

    @BeforeEach
    void analystSignedInWithAPublishedOrderForm() {
        publishSalesApp(app, finance, "财务", "Finance");
        publishOrderForm(app, "amount", "金额", "Amount");
        signInAnalyst("Ann Analyst", "en");
        designer = new RuleDesignerDriver(browser, url(""));
    }

    @Test
    void analystBuildsALargeOrderAlertSimulatesAndPublishesIt() throws IOException {
        designer.openDesignHome(app);
        browser.screenshot("70-design-home-rules");
        designer.createRuleSet("large_orders", "大额订单提醒", "Large order alert", "Order (order)");
        designer.trigger("after_save");
        browser.screenshot("71-rule-set-settings");

        designer.selectRule("rule_1");
        designer.ruleKey("large_order");
        designer.ruleName("大额订单", "Large order");
        String root = designer.condition();
        designer.compare(root + "/all/0", "total", "gt", "50000");
        String lines = designer.add(root, "rows");
        designer.rows(lines, "count");
        designer.compare(lines, "lines.amount", "gte", "1");
        designer.action(0, "notify");
        designer.channels(0, "in_app", "email");
        designer.recipientInitiator(0, false);
        designer.recipientRole(0, "Finance (" + finance + ")");
        designer.title(0, "大额订单", "Large order");
        designer.message(0, "订单金额超过 50,000", "An order over 50,000");
        browser.screenshot("72-rule-actions");
        designer.scrollToTop();
        browser.screenshot("72-rule-condition");

        designer.saveDraft();
        assertThat(browser.all("[data-test=problems]")).isEmpty();
        designer.simulate(Map.of("customer", "Big Co", "total", "60000"));
        assertThat(designer.simulationError()).isNull();
        assertThat(designer.firedRules()).containsExactly("large_order");
        assertThat(designer.effects("large_order")).containsExactly("notify");
        browser.screenshot("73-rule-simulated");
        designer.simulate(Map.of("total", "40000"));
        assertThat(designer.firedRules()).isEmpty();

        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("74-rule-published");
        JsonNode published = published(app, "rules", "large_orders");
        assertThat(published.path("form").asText()).isEqualTo("order");
        assertThat(published.path("trigger")).isEqualTo(JSON.readTree("{\"type\": \"after_save\"}"));
        JsonNode rule = published.at("/rules/0");
        assertThat(rule.path("key").asText()).isEqualTo("large_order");
        assertThat(rule.path("condition")).isEqualTo(JSON.readTree("""
                {"all": [{"field": "total", "op": "gt", "value": 50000},
                         {"field": "lines.amount", "rows": "count", "op": "gte", "value": 1}]}"""));
        assertThat(rule.at("/actions/0")).isEqualTo(JSON.readTree("""
                {"type": "notify", "channels": ["in_app", "email"], "to": {"roles": ["%s"]},
                 "title": {"zh-CN": "大额订单", "en": "Large order"},
                 "message": {"zh-CN": "订单金额超过 50,000", "en": "An order over 50,000"}}""".formatted(finance)));

        designer.openDesignHome(app);
        browser.waitForText("[data-test=rules-list] tr[data-key=large_orders]", "Large order alert");
    }

    @Test
    void anExistsConditionShowsReadOnlyAndSurvivesASavedDraft() throws IOException {
        metadata.publishContent(app, "rules", "repeat_orders", """
                {"key": "repeat_orders", "name": {"zh-CN": "重复订单", "en": "Repeat orders"}, "form": "order",
                 "trigger": {"type": "before_save"},
                 "rules": [{"key": "repeat", "name": {"zh-CN": "重复", "en": "Repeat"},
                   "condition": {"all": [{"field": "total", "op": "gt", "value": 0}, {"exists": {
                     "form": "order", "excludeSelf": true, "as": "earlier",
                     "where": [{"field": "customer", "op": "eq", "expression": "customer"}], "when": "total > 0"}}]},
                   "actions": [{"type": "reject", "field": "customer",
                                "message": {"zh-CN": "已有订单 {earlier.customer}", "en": "Already ordered {earlier.customer}"}}]}]}""",
                null, "admin");
        designer.openRuleSet(app, "repeat_orders");
        designer.selectRule("repeat");

        browser.waitForText("[data-test=condition-exists]", "Another order record exists where:");
        assertThat(browser.text("[data-test=condition-exists]")).contains("customer", "total > 0", "earlier.field");
        browser.screenshot("76-rule-exists-condition");
        designer.ruleName("重复订单", "Repeat order");
        designer.saveDraft();
        assertThat(browser.all("[data-test=problems]")).isEmpty();
        JsonNode draft = JSON.readTree(JSON.readTree(fetchOk("/api/apps/" + app + "/definitions/rules/repeat_orders"))
                .path("content").asText());
        assertThat(draft.at("/rules/0/condition/all/1/exists/where/0/expression").asText()).isEqualTo("customer");
    }

    @Test
    void analystBuildsAThreeTierRebateTableSimulatesAndPublishesIt() throws IOException {
        designer.openDesignHome(app);
        designer.createDecisionTable("order_rebate", "订单返利", "Order rebate", "Order (order)");
        designer.inputColumn(0, "total", "订单金额", "Order total", "number", "total");
        designer.outputColumn(0, "rate", "返利比例", "Rebate rate", "number");
        designer.addOutputColumn();
        designer.outputColumn(1, "tier", "档位", "Tier", "text");
        designer.row(0, List.of("< 100000"), List.of("0.01", "bronze"));
        designer.addRow();
        designer.row(1, List.of("[100000..500000)"), List.of("0.02", "silver"));
        designer.addRow();
        designer.row(2, List.of(">=500000"), List.of("0.03", "gold"));
        assertThat(designer.cellText(2, 0)).isEqualTo("≥ 500000");
        browser.screenshot("75-rebate-table");

        designer.saveDraft();
        assertThat(browser.all("[data-test=problems]")).isEmpty();
        designer.simulate(Map.of("total", "250000"));
        assertThat(designer.simulationError()).isNull();
        assertThat(designer.matchedRows()).containsExactly(1);
        assertThat(designer.simulatedOutput("tier")).isEqualTo("\"silver\"");
        browser.screenshot("76-rebate-simulated");

        assertThat(designer.publish()).isEqualTo(1);
        JsonNode table = published(app, "decision", "order_rebate");
        assertThat(table.path("hitPolicy").asText()).isEqualTo("first");
        assertThat(table.path("inputs")).isEqualTo(JSON.readTree("""
                [{"key": "total", "label": {"zh-CN": "订单金额", "en": "Order total"}, "type": "number", "expression": "total"}]"""));
        assertThat(table.path("rows")).isEqualTo(JSON.readTree("""
                [{"inputs": [{"op": "lt", "value": 100000}], "outputs": [0.01, "bronze"]},
                 {"inputs": [{"op": "between", "min": 100000, "max": 500000, "maxInclusive": false}], "outputs": [0.02, "silver"]},
                 {"inputs": [{"op": "gte", "value": 500000}], "outputs": [0.03, "gold"]}]"""));
        browser.screenshot("77-rebate-published");
    }

    @Test
    void analystRunsAPublishedRebateTableForAQuarterAndSeesItDone() throws Exception {
        metadata.publishContent(app, "form", "sale", """
                {"key": "sale", "name": {"zh-CN": "销售", "en": "Sale"},
                 "fields": [{"key": "dealer", "type": "text", "label": {"zh-CN": "经销商", "en": "Dealer"}},
                            {"key": "sale_date", "type": "date", "label": {"zh-CN": "日期", "en": "Date"}},
                            {"key": "total", "type": "decimal", "label": {"zh-CN": "金额", "en": "Total"}}]}""", null, "admin");
        metadata.publishContent(app, "form", "rebate", """
                {"key": "rebate", "name": {"zh-CN": "返利", "en": "Rebate"},
                 "fields": [{"key": "dealer", "type": "text", "label": {"zh-CN": "经销商", "en": "Dealer"}},
                            {"key": "period", "type": "text", "label": {"zh-CN": "期间", "en": "Period"}},
                            {"key": "amount", "type": "decimal", "label": {"zh-CN": "金额", "en": "Amount"}}]}""", null, "admin");
        metadata.publishContent(app, "decision", "tiers", """
                {"key": "tiers", "name": {"zh-CN": "档位", "en": "Tiers"}, "form": "sale", "hitPolicy": "first",
                 "inputs": [{"key": "quarter_sales", "label": {"zh-CN": "季度销售", "en": "Quarter sales"}, "type": "number",
                             "expression": "quarter_sales"}],
                 "outputs": [{"key": "rate", "label": {"zh-CN": "比例", "en": "Rate"}, "type": "number"}],
                 "rows": [{"inputs": [{"op": "gte", "value": 100000}], "outputs": [0.05]},
                          {"inputs": [{"op": "any"}], "outputs": [0.01]}]}""", null, "admin");
        Actor system = new Actor(1, null, null);
        for (String sale : List.of("East,2026-01-10,60000", "East,2026-02-10,50000", "North,2026-03-01,7000",
                "North,2026-04-02,90000")) {
            String[] parts = sale.split(",");
            records.systemStore(app, "sale").create("""
                    {"dealer": "%s", "sale_date": "%s", "total": %s}""".formatted((Object[]) parts), system, Locale.ENGLISH);
        }

        designer.openDecisionTable(app, "tiers");
        assertThat(designer.runForPeriod("", "2026-03-31", "2026-01-01", "Date (sale_date)", null, Map.of(),
                "Rebate (rebate)", Map.of("Amount (amount)", "total *"))).isNull();
        assertThat(browser.all("[data-test=period-run] [aria-invalid=true]")).isNotEmpty();
        browser.screenshot("79a-period-run-problems");
        browser.click(".modal-header .icon-button");

        Map<String, String> values = new LinkedHashMap<>();
        values.put("Dealer (dealer)", "dealer");
        values.put("Period (period)", "period");
        values.put("Amount (amount)", "quarter_sales * rate");
        assertThat(designer.runForPeriod("2026-Q1", "2026-01-01", "2026-03-31", "Date (sale_date)", "Dealer (dealer)",
                Map.of("quarter_sales", "Total (total)"), "Rebate (rebate)", values)).isEqualTo("done");
        assertThat(designer.runProgress()).isEqualTo("2 / 2");
        browser.waitForCount("[data-test=run-history-item][data-status=done]", 1);
        browser.click("[data-test=run-history] summary");
        assertThat(browser.text("[data-test=run-history-item]")).contains("2026-Q1").contains("2 / 2");
        browser.screenshot("79b-period-run-done");
    }

    @Test
    void refusedDraftsShowTheirProblemsOnTheActionAndTheRow() {
        browser.click("[data-test=user-menu]");
        browser.click("[data-locale=zh-CN]");
        designer.openDesignHome(app);
        designer.createRuleSet("checks", "校验", "Checks", "订单 (order)");
        designer.trigger("after_save");
        designer.selectRule("rule_1");
        designer.action(0, "reject");
        designer.message(0, "不允许", "Not allowed");
        designer.saveDraft();
        assertThat(designer.problemPointers()).contains("/rules/0/actions/0");
        assertThat(designer.markedRules()).containsExactly("rule_1");
        assertThat(designer.markedNodes()).contains("/rules/0/actions/0");
        browser.screenshot("78-rule-problem-on-the-action");

        designer.leaveUnsavedWork(app);
        designer.openDesignHome(app);
        designer.createDecisionTable("tiers", "档位", "Tiers", "订单 (order)");
        designer.row(0, List.of("< 100"), List.of("1"));
        designer.addRow();
        designer.row(1, List.of("< 50"), List.of("2"));
        designer.addRow();
        designer.row(2, List.of("abc"), List.of("3"));
        assertThat(designer.rowNotes(2)).contains("数字");
        designer.cell(2, 0, "-");
        designer.saveDraft();
        Map<Integer, String> marked = new LinkedHashMap<>(designer.markedRows());
        assertThat(marked).containsEntry(1, "error");
        assertThat(designer.rowNotes(1)).contains("never applies");
        browser.screenshot("79-decision-row-problem");
        assertThat(designer.publish()).isNull();
    }
}
