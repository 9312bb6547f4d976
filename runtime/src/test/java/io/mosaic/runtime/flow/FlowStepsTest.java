package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.runtime.security.role.GrantJson;
import io.mosaic.runtime.web.ApiException;

/** Automated steps: service tasks that do one of the platform's own actions, never code. */
class FlowStepsTest extends FlowTestSupport {

    @BeforeEach
    void aMemoForm() {
        metadata.publishContent(app, "form", "memo", """
                {"key": "memo", "name": {"zh-CN": "备忘", "en": "Memo"},
                 "fields": [{"key": "text", "type": "text", "label": {"zh-CN": "内容", "en": "Text"}},
                            {"key": "amount", "type": "integer", "label": {"zh-CN": "金额", "en": "Amount"}}]}""",
                null, ACTOR);
        roles.replaceGrants(clerkRole, List.of(new GrantJson(app, "claim", List.of("create", "read", "update"), "own",
                Map.of()), new GrantJson(app, "memo", List.of("read"), "all", Map.of())));
    }

    @Test
    void stepsSetAFieldCreateARecordAndNotifyAfterTheApproval() throws Exception {
        publishFlow("automated");
        long claim = submitClaim(initiator, "{\"title\": \"Hotel\", \"amount\": 150}");
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));

        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.cost").value(300));
        mvc.perform(get("/api/apps/{app}/forms/memo/records", app).with(as(initiator)))
                .andExpect(jsonPath("$.items[0].text").value("Hotel")).andExpect(jsonPath("$.items[0].amount").value(150));
        assertThat(notificationsTo(initiator.username())).contains("notify");
        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action"))
                .containsExactly("submit", "approve", "set_field", "create_record", "notify");
    }

    @Test
    void aStepThatCannotWriteFailsTheApprovalWhole() throws Exception {
        publishFlow("automated");
        metadata.publishContent(app, "flow", "automated", fixture("automated.flow.json")
                .replace("\"value\": \"amount * 2\"", "\"value\": \"title\""), null, ACTOR);
        long claim = submitClaim(initiator, "{\"title\": \"Hotel\", \"amount\": 150}");
        String task = taskOf(manager, claim);
        act(manager, task, "approve", Map.of()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("flow.step_failed"))
                .andExpect(jsonPath("$.errors[0].pointer").value("set_cost"));
        assertThat(taskOf(manager, claim)).isEqualTo(task);
        mvc.perform(get("/api/apps/{app}/forms/memo/records", app).with(as(initiator))).andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void aBindDealerStepMakesTheInitiatorsAccountTheDealersAndABlankCodeFailsTheApproval() throws Exception {
        publishFlow("automated");
        metadata.publishContent(app, "flow", "automated", fixture("automated.flow.json").replace(
                "{\"id\": \"tell\", \"action\": \"notify\", \"initiator\": true, \"message\": \"Your claim went through\"}",
                "{\"id\": \"tell\", \"action\": \"bind_dealer\", \"value\": \"region\"}"), null, ACTOR);
        long blank = submitClaim(initiator, "{\"title\": \"Admission\", \"amount\": 1}");
        act(manager, taskOf(manager, blank), "approve", Map.of()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("flow.step_failed"))
                .andExpect(jsonPath("$.errors[0].pointer").value("tell"));
        assertThat(users.get(initiator.id()).dealerId()).isNull();

        String code = unique("D");
        long claim = submitClaim(initiator, "{\"title\": \"Admission\", \"amount\": 1, \"region\": \"" + code + "\"}");
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
        assertThat(users.get(initiator.id()).dealerId()).isEqualTo(code);
        assertThat(users.get(initiator.id()).roles()).isEqualTo(initiator.roles());
    }

    @Test
    void aServiceTaskWithoutAStepIsRefusedWithItsElementId() throws Exception {
        metadata.publishContent(app, "process", "automated", fixture("automated.bpmn20.xml"), null, ACTOR);
        String withoutTell = fixture("automated.flow.json")
                .replace(",\n    {\"id\": \"tell\", \"action\": \"notify\", \"initiator\": true, \"message\": \"Your claim went through\"}", "");
        assertThatThrownBy(() -> metadata.publishContent(app, "flow", "automated", withoutTell, null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problems()).anySatisfy(problem ->
                        assertThat(problem.message()).contains("'tell'")));
    }
}
