package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The form designer in headless Chromium against the real runtime, at 1366×768: an analyst opens an app's design
 * home from the app, creates a form, drags fields from the palette (real pointer drags, which SortableJS's fallback
 * mode takes like a mouse's) — a text field, a money field, a sub-table with product, quantity, price and a row
 * formula, a total over the rows — sees a wrong formula refused as it is typed, undoes and redoes, saves, publishes
 * and finds the published version through the REST API, and previews it with test data. A field is reordered by
 * dragging it above another; a refused draft marks the fields it is about, leaving with
 * unsaved work asks first, and a phone screen is told it is too narrow. Screenshots of each step land in
 * {@code target/screenshots}; any script error a page logs fails the test.
 */
@Tag("browser")
class FormDesignerBrowserTest extends AppBrowserTest {

    private final String app = "design_" + suffix;
    private FormDesignerDriver designer;

    @BeforeEach
    void analystSignedInWithAnApp() {
        metadata.createApp(app, """
                {"key": "%s", "name": {"zh-CN": "销售 %s", "en": "Sales %s"}, "version": "1.0.0",
                 "platform": ">=0.1.0", "definitions": []}""".formatted(app, suffix, suffix), "admin");
        signInAnalyst("李分析 " + suffix, "zh-CN");
        designer = new FormDesignerDriver(browser, url(""));
    }

    @Test
    void analystDragsAnOrderFormTogetherAndPublishesIt() throws IOException {
        designer.openDesignHome(app);
        browser.screenshot("40-design-home-empty");
        designer.createForm("sales_order", "销售订单", "Sales order");
        browser.screenshot("41-designer-new-form");

        designer.dragField("text");
        designer.name("customer", "客户", "Customer");
        designer.check("required");
        browser.screenshot("42-text-dropped");
        designer.dragField("money");
        designer.name("deposit", "定金", "Deposit");
        browser.screenshot("43-money-dropped");

        designer.dragOrderLines();
        assertThat(designer.formulaCheck("quantity * price")).isEqualTo(-1);
        assertThat(designer.columnKeys("lines")).containsExactly("product", "quantity", "price", "amount");
        browser.screenshot("44-subtable-columns");

        designer.dragField("formula");
        designer.name("total", "合计", "Total");
        designer.typeFormula("SUM(lines.amount");
        assertThat(designer.formulaCheck("SUM(lines.amount")).as("the error points after the last character").isEqualTo(16);
        assertThat(designer.formulaError()).contains("第 17 个字符");
        browser.screenshot("45-wrong-formula");
        designer.typeFormula("SUM(lines.amount)");
        assertThat(designer.formulaCheck("SUM(lines.amount)")).isEqualTo(-1);
        assertThat(designer.fieldKeys()).containsExactly("customer", "deposit", "lines", "total");
        browser.screenshot("46-total-formula");

        designer.removeSelected();
        assertThat(designer.fieldKeys()).containsExactly("customer", "deposit", "lines");
        designer.undo();
        browser.waitUntil(() -> designer.fieldKeys().contains("total"));
        designer.select("total");
        assertThat(browser.value("[data-test=properties] textarea[name=expression]")).isEqualTo("SUM(lines.amount)");
        browser.screenshot("47-undone");
        designer.redo();
        browser.waitUntil(() -> !designer.fieldKeys().contains("total"));
        designer.undoWithKeyboard();
        browser.waitUntil(() -> designer.fieldKeys().contains("total"));
        designer.redoWithKeyboard();
        browser.waitUntil(() -> !designer.fieldKeys().contains("total"));
        designer.undo();
        browser.waitUntil(() -> designer.fieldKeys().contains("total"));

        designer.saveDraft();
        assertThat(browser.waitFor("[data-test=status]").getDomAttribute("data-draft")).isEqualTo("true");
        browser.screenshot("48-draft-saved");
        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("49-published");

        JsonNode versions = JSON.readTree(fetchOk("/api/apps/" + app + "/definitions/form/sales_order/versions"));
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        JsonNode published = published(app, "form", "sales_order");
        assertThat(published.findValuesAsText("key")).contains("customer", "deposit", "lines", "product", "quantity",
                "price", "amount", "total");
        assertThat(published.at("/fields/0/required").asBoolean()).isTrue();
        assertThat(published.at("/fields/2/columns/3/expression").asText()).isEqualTo("quantity * price");
        assertThat(published.at("/fields/3/expression").asText()).isEqualTo("SUM(lines.amount)");
        assertThat(published.has("layout")).as("one field per row needs no layout").isFalse();

        designer.preview();
        assertThat(designer.previewValue("total")).as("3 × 99.5 + 4 × 199 from the test data").isEqualTo("1,094.5");
        designer.typeInPreviewCell("lines", 0, "quantity", "10");
        browser.waitForText("[data-test=preview] [data-test='value-total']", "1,791");
        browser.screenshot("50-preview");
        designer.design();
        designer.openDesignHome(app);
        browser.waitFor("[data-form=sales_order]");
        browser.screenshot("51-design-home-listed");
    }

    @Test
    void sideBySideFieldsSectionsAndTabsBecomeTheFormsLayout() throws IOException {
        designer.openDesignHome(app);
        designer.createForm("contract", "合同", "Contract");
        designer.dragField("text");
        designer.name("title", "标题", "Title");
        designer.dragRowOfColumns();
        designer.dragFieldIntoLastRow("date");
        designer.name("starts", "开始日期", "Starts");
        designer.dragFieldIntoLastRow("date");
        designer.name("ends", "结束日期", "Ends");
        designer.addSection("金额", "Amounts");
        designer.dragField("money");
        designer.name("amount", "金额", "Amount");
        browser.screenshot("52-row-and-section");
        designer.addTab();
        designer.dragField("textarea");
        designer.name("remark", "备注", "Remark");
        browser.screenshot("53-second-tab");
        designer.showTab("tab_1");
        assertThat(designer.fieldKeys()).containsExactly("title", "starts", "ends", "amount");
        designer.saveDraft();
        assertThat(designer.publish()).isEqualTo(1);

        JsonNode saved = published(app, "form", "contract");
        JsonNode tabs = saved.at("/layout/tabs");
        assertThat(tabs).hasSize(2);
        assertThat(tabs.at("/0/sections/0/rows").toString()).isEqualTo("[[\"title\"],[\"starts\",\"ends\"]]");
        assertThat(tabs.at("/0/sections/1/title/en").asText()).isEqualTo("Amounts");
        assertThat(tabs.at("/0/sections/1/rows").toString()).isEqualTo("[[\"amount\"]]");
        assertThat(tabs.at("/1/sections/0/rows").toString()).isEqualTo("[[\"remark\"]]");
        browser.screenshot("54-layout-published");
    }

    @Test
    void refusedDraftMarksItsFieldsAndLeavingUnsavedWorkAsksFirst() {
        designer.openDesignHome(app);
        designer.createForm("visit", "拜访", "Visit");
        designer.clickField("text");
        String lines = designer.clickField("subtable");
        String lookup = designer.clickField("lookup");
        designer.dragFieldAbove(lookup, "text_1");
        assertThat(designer.fieldKeys()).containsExactly(lookup, "text_1", lines);
        designer.saveDraft();

        browser.waitFor("[data-test=problems] [data-pointer='/fields/2/columns']");
        assertThat(browser.all(FormDesignerDriver.field(lines) + ".invalid")).hasSize(1);
        assertThat(browser.all(FormDesignerDriver.field(lookup) + ".invalid")).hasSize(1);
        assertThat(browser.all(FormDesignerDriver.field("text_1") + ".invalid")).isEmpty();
        assertThat(designer.selectedKey()).as("the first field a problem is about").isEqualTo(lookup);
        assertThat(browser.text("[data-test=node-problems]")).contains("lookup");
        assertThat(browser.all("[data-test=properties] select[name=lookupForm][aria-invalid=true]")).hasSize(1);
        browser.screenshot("55-draft-refused");
        browser.click("[data-test=problems] [data-pointer='/fields/2/columns']");
        browser.waitUntil(() -> lines.equals(designer.selectedKey()));
        assertThat(browser.text("[data-test=node-problems]")).contains("columns");

        browser.click(".designer-back");
        browser.waitFor("[data-test=leave]");
        browser.screenshot("56-leave-asks");
        browser.click("[data-test=stay]");
        browser.waitUntilGone("[data-test=stay]");
        assertThat(designer.fieldKeys()).containsExactly(lookup, "text_1", lines);
        browser.click(".designer-back");
        browser.click("[data-test=leave]");
        browser.waitFor("[data-test=design-home]");

        designer.openForm(app, "visit");
        browser.emulatePhone(390, 844);
        browser.waitFor(".designer-narrow");
        browser.screenshot("57-phone-too-narrow");
    }

    @Test
    void aLookupLimitedToSomeTargetRecordsKeepsItsConditions() throws IOException {
        metadata.publishContent(app, "form", "dealer", """
                {"key": "dealer", "name": {"zh-CN": "经销商", "en": "Dealer"},
                 "fields": [{"key": "name", "type": "text", "label": {"zh-CN": "名称", "en": "Name"}},
                            {"key": "level", "type": "text", "label": {"zh-CN": "等级", "en": "Level"}}]}""", null, "admin");
        designer.openDesignHome(app);
        designer.createForm("visit", "拜访", "Visit");
        designer.clickField("lookup");
        designer.name("dealer", "经销商", "Dealer");
        browser.select("[data-test=properties] select[name=lookupForm]", "经销商 (dealer)");
        browser.select("[data-test=properties] select[name=lookupDisplay]", "名称 (name)");
        browser.click("[data-test=add-lookup-condition]");
        browser.select("[data-test=lookup-condition-0] select", "等级 (level)");
        browser.type("[data-test=lookup-condition-0] input", "gold");
        browser.click(".designer-name");
        browser.screenshot("58-lookup-filter");
        assertThat(designer.publish()).isEqualTo(1);

        JsonNode published = published(app, "form", "visit");
        assertThat(published.at("/fields/0/lookup/filter/0")).isEqualTo(JSON.readTree(
                "{\"field\": \"level\", \"op\": \"eq\", \"value\": \"gold\"}"));
    }
}
