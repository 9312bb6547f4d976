package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The process designer in headless Chromium against the real runtime, at 1366×768: an analyst creates a process
 * for a published order form from the design home, binds a two-level approval with an amount condition — the
 * region manager, then, for orders over 10,000, the directors — saves and publishes it, and the binding the server
 * published says what the panel was told. A binding the server refuses marks the element it is about on the
 * diagram (in Chinese, the other language of the UI). Screenshots of each step land in {@code target/screenshots}; any script error a page logs fails the test.
 */
@Tag("browser")
class FlowDesignerBrowserTest extends AppBrowserTest {

    private final String app = "flow_" + suffix;
    private final String director = "director_" + suffix;
    private final String manager = "manager_" + suffix;
    private FlowDesignerDriver designer;

    @BeforeEach
    void analystSignedInWithAPublishedOrderForm() {
        publishSalesApp(app, director, "渠道总监", "Channel director");
        publishOrderForm(app, "price", "单价", "Price");
        user(manager, "Region Manager " + suffix, null, "en");
        signInAnalyst("Ann Analyst", "en");
        designer = new FlowDesignerDriver(browser, url(""));
    }

    @Test
    void analystBindsATwoLevelApprovalWithAnAmountConditionToAForm() throws IOException {
        designer.openDesignHome(app);
        browser.screenshot("60-design-home-processes");
        designer.createProcess("order_approval", "Order approval", "Order (order)");
        browser.screenshot("61-flow-designer-starter");

        designer.select("review");
        designer.setId("region_review");
        designer.setName("Region review");
        designer.translateName("zh-CN", "区域经理审核");
        designer.translateName("en", "Region manager's review");
        browser.screenshot("61b-element-names");
        designer.assignmentType("users");
        designer.addUser("Region Manager " + suffix + " (" + manager + ")");
        designer.allowAction("transfer", true);
        designer.fieldAccess("lines.price", "editable");
        designer.fieldAccess("customer", "hidden");
        designer.sla(2, "days", "escalate");
        browser.screenshot("62-task-properties");

        designer.addRoleReviewBehindGateway("region_review", "amount_check", "director_review", "Director review",
                "Channel director (" + director + ")");
        designer.countersign("percentage", 60);
        String small = designer.connectBelow("amount_check", "end");

        designer.selectFlow(designer.flowBetween("amount_check", "director_review"));
        designer.setId("large");
        assertThat(designer.condition("total > 10000")).isTrue();
        browser.screenshot("63-condition");
        designer.selectFlow(small);
        designer.makeDefault();
        browser.screenshot("64-default-flow");

        designer.saveDraft();
        assertThat(browser.all("[data-test=problems]")).isEmpty();
        assertThat(designer.publish()).isEqualTo(1);
        browser.screenshot("65-published");

        JsonNode binding = published(app, "flow", "order_approval");
        assertThat(binding.path("process").asText()).isEqualTo("order_approval");
        assertThat(binding.path("form").asText()).isEqualTo("order");
        assertThat(binding.at("/tasks/0/id").asText()).isEqualTo("region_review");
        assertThat(binding.at("/tasks/0/assignment")).isEqualTo(JSON.readTree("{\"type\": \"users\", \"users\": [\"" + manager + "\"]}"));
        assertThat(binding.at("/tasks/0/actions")).isEqualTo(JSON.readTree("[\"approve\", \"reject\", \"return\", \"transfer\"]"));
        assertThat(binding.at("/tasks/0/view")).isEqualTo(JSON.readTree("{\"lines.price\": \"editable\", \"customer\": \"hidden\"}"));
        assertThat(binding.at("/tasks/0/sla")).isEqualTo(JSON.readTree("{\"due\": \"P2D\", \"onOverdue\": \"escalate\"}"));
        assertThat(binding.at("/tasks/1/id").asText()).isEqualTo("director_review");
        assertThat(binding.at("/tasks/1/assignment")).isEqualTo(JSON.readTree("{\"type\": \"roles\", \"roles\": [\"" + director + "\"]}"));
        assertThat(binding.at("/tasks/1/countersign")).isEqualTo(JSON.readTree("{\"mode\": \"percentage\", \"percentage\": 60}"));
        assertThat(binding.path("flows")).isEqualTo(JSON.readTree("[{\"id\": \"large\", \"condition\": \"total > 10000\"}]"));
        assertThat(binding.path("names")).isEqualTo(JSON.readTree(
                "{\"region_review\": {\"zh-CN\": \"区域经理审核\", \"en\": \"Region manager's review\"}}"));
        String process = JSON.readTree(fetchOk("/api/apps/" + app + "/definitions/process/order_approval/versions/1"))
                .path("content").asText();
        assertThat(process).contains("id=\"amount_check\" default=\"" + small + "\"", "name=\"Director review\"")
                .contains("flowable:collection=\"signers\"").doesNotContain("conditionExpression");

        designer.openDesignHome(app);
        browser.waitForText("[data-test=process-list] tr[data-process=order_approval]", "Order approval");
        browser.screenshot("66-design-home-with-the-process");
    }

    @Test
    void aRefusedBindingMarksTheElementItIsAbout() {
        browser.click("[data-test=user-menu]");
        browser.click("[data-locale=zh-CN]");
        designer.openDesignHome(app);
        designer.createProcess("refund", "退款审批", "订单 (order)");
        String gateway = designer.insertAfter("review", "bpmn:ExclusiveGateway");
        String unconditioned = designer.connectBelow(gateway, "end");

        assertThat(designer.publish()).isNull();
        browser.waitUntil(() -> designer.markedElements().contains(unconditioned));
        browser.screenshot("67-problem-on-the-diagram");
        designer.showProblemOf(unconditioned);
        assertThat(browser.text("[data-test=properties] [data-test=element-problems]")).contains("has no condition");
        browser.screenshot("68-problem-selected");
    }
}
