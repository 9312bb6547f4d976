package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.flow.api.ProcessBindings;
import io.mosaic.runtime.security.MosaicUser;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.web.ApiException;

/**
 * What must never happen: two completions of one task, half a step stored, a BPMN that runs code, a modeler's file
 * that cannot be used.
 */
class FlowSafetyTest extends FlowTestSupport {

    @Autowired
    FlowService flows;

    private Authentication authentication(User user) {
        MosaicUser principal = users.principal(user.id()).orElseThrow();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    @Test
    void twoUsersCompletingTheSameTaskAtOnceGetOneSuccessAndOneConflict() throws Exception {
        publishFlow("two-level");
        for (int round = 0; round < 5; round++) {
            long claim = submitClaim(initiator, "{\"title\": \"Race\", \"amount\": 10}");
            String task = taskOf(manager, claim);
            // The same approver in two sessions, clicking at once.
            Authentication first = authentication(manager);
            Authentication second = authentication(manager);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Object>> results = new ArrayList<>();
            for (Authentication who : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return flows.act(task, "approve", FlowService.ActionInput.comment("go"), who);
                    } catch (ApiException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get());
            }
            pool.shutdown();
            assertThat(outcomes).filteredOn(FlowService.Outcome.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(ApiException.class::isInstance).singleElement()
                    .satisfies(e -> {
                        assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(((ApiException) e).code()).isEqualTo("flow.task_gone");
                    });
            assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action"))
                    .containsExactly("submit", "approve");
        }
    }

    @Test
    void aStepThatFailsLeavesRecordProcessTimelineAndOutboxAsTheyWere() throws Exception {
        publishFlow("gate-first");
        Map<String, String> before = settledFingerprint();
        mvc.perform(post("/api/apps/{app}/forms/claim/records?submit=true", app).with(as(initiator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Zero\", \"amount\": 5, \"cost\": 0}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("flow.condition_failed"))
                .andExpect(jsonPath("$.errors[0].pointer").value("big"));
        assertThat(settledFingerprint()).isEqualTo(before);
    }

    @Test
    void anApprovalWhoseNextStepFailsKeepsTheTaskAndTheRecordUnchanged() throws Exception {
        publishFlow("two-level");
        metadata.publishContent(app, "flow", "two_level", fixture("two-level.flow.json")
                .replace("ROLE_DIRECTOR", directorRole).replace("amount > 10000", "amount / cost > 1"), null, ACTOR);
        long claim = submitClaim(initiator, "{\"title\": \"Zero\", \"amount\": 5, \"cost\": 0}");
        String task = taskOf(manager, claim);
        Map<String, String> before = settledFingerprint();
        act(manager, task, "approve", Map.of("values", Map.of("note", "changed"), "version", 1))
                .andExpect(status().isUnprocessableEntity());
        assertThat(settledFingerprint()).isEqualTo(before);
        assertThat(taskOf(manager, claim)).isEqualTo(task);
    }

    @Test
    void publishingAProcessThatRunsCodeIsRefusedWithTheElementId() throws Exception {
        String script = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:flowable="http://flowable.org/bpmn" targetNamespace="t">
                  <process id="evil" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="Task_run"/>
                    <serviceTask id="Task_run" flowable:expression="${runtime.exec('rm')}"/>
                    <sequenceFlow id="f2" sourceRef="Task_run" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>""";
        mvc.perform(put("/api/apps/{app}/definitions/process/evil", app).with(as(createUser("analyst")))
                        .contentType(MediaType.APPLICATION_XML).content(script))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("Task_run"));
    }

    @Test
    void aProcessFromTheCamundaModelerImportsAndRuns() throws Exception {
        String bpmn = fixture("camunda-leave-request.bpmn20.xml");
        ObjectNode binding = (ObjectNode) json.readTree(ProcessBindings.suggest("leave_request", "claim", bpmn));
        // The modeler's assignee and candidates became the binding's; here they are made this test's users.
        ObjectNode lead = (ObjectNode) binding.path("tasks").get(0);
        assertThat(lead.path("assignment").path("users").get(0).asText()).isEqualTo("lead_wang");
        lead.set("assignment", json.readTree("{\"type\": \"users\", \"users\": [\"" + manager.username() + "\"]}"));
        ObjectNode hr = (ObjectNode) binding.path("tasks").get(1);
        assertThat(hr.path("assignment").path("roles").toString()).contains("hr");
        hr.set("assignment", json.readTree("{\"type\": \"candidates\", \"roles\": [\"" + legalRole + "\"]}"));
        binding.set("flows", json.readTree("""
                [{"id": "Flow_long", "condition": "amount > 5"}, {"id": "Flow_very_long", "condition": "amount > 100"}]"""));
        metadata.publishContent(app, "process", "leave_request", bpmn, null, ACTOR);
        metadata.publishContent(app, "flow", "leave_request", binding.toString(), null, ACTOR);

        User hrClerk = createUser(legalRole);
        long claim = submitClaim(initiator, "{\"title\": \"Leave\", \"amount\": 8}");
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("in_approval"));
        String check = taskOf(hrClerk, claim);
        act(hrClerk, check, "claim", Map.of()).andExpect(status().isOk());
        act(hrClerk, check, "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
        mvc.perform(get("/api/flow/instances/{id}/diagram", workflow(initiator, claim).path("instanceId").asText())
                        .with(as(initiator)))
                .andExpect(jsonPath("$.bpmn").value(org.hamcrest.Matchers.containsString("Camunda Modeler")))
                .andExpect(jsonPath("$.completed").value(org.hamcrest.Matchers.hasItems("Activity_lead", "Activity_hr")));
    }
}
