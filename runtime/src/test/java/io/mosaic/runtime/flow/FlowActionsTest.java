package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.runtime.security.user.User;

/** The approval actions of a two-level process with an amount condition, through the REST API. */
class FlowActionsTest extends FlowTestSupport {

    @BeforeEach
    void twoLevelApproval() throws Exception {
        publishFlow("two-level");
    }

    @Test
    void smallClaimNeedsOnlyTheInitiatorsManager() throws Exception {
        long claim = submitClaim(initiator, "{\"title\": \"Taxi\", \"amount\": 80}");
        assertThat(statusOf(initiator, claim)).isEqualTo("in_approval");

        act(manager, taskOf(manager, claim), "approve", Map.of("comment", "ok")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("approved"));

        JsonNode workflow = workflow(initiator, claim);
        assertThat(workflow.path("status").asText()).isEqualTo("approved");
        assertThat(workflow.path("timeline").findValuesAsText("action")).containsExactly("submit", "approve");
    }

    @Test
    void largeClaimGoesOnToTheDirectorAfterAReturnAndResubmit() throws Exception {
        long claim = submitClaim(initiator, "{\"title\": \"Fair booth\", \"amount\": 25000}");
        String first = taskOf(manager, claim);
        act(manager, first, "return", Map.of("target", "initiator")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/comment"));
        act(manager, first, "return", Map.of("target", "initiator", "comment", "Add the quote"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("returned"));
        assertThat(statusOf(initiator, claim)).isEqualTo("returned");

        mvc.perform(patch("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"note\": \"quote attached\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/apps/{app}/forms/claim/records/{id}/submit", app, claim).with(as(initiator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"again\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("in_approval"));

        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("in_approval"));
        act(director, taskOf(director, claim), "approve", Map.of("comment", "fine")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("approved"));

        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action"))
                .containsExactly("submit", "return", "resubmit", "approve", "approve");
        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.workflow_status").value("approved"))
                .andExpect(jsonPath("$.note").value("quote attached"));
    }

    @Test
    void rejectEndsTheProcessAndTheRecordCanBeSubmittedAgain() throws Exception {
        long claim = submitClaim(initiator, "{\"title\": \"Gift\", \"amount\": 90}");
        act(manager, taskOf(manager, claim), "reject", Map.of("comment", "not allowed"))
                .andExpect(jsonPath("$.status").value("rejected"));
        assertThat(statusOf(initiator, claim)).isEqualTo("rejected");
        assertThat(workflow(initiator, claim).path("actions").toString()).contains("submit");
        mvc.perform(post("/api/apps/{app}/forms/claim/records/{id}/submit", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.status").value("in_approval"));
    }

    @Test
    void aRecordInApprovalChangesOnlyThroughItsTaskAndOnlyWhereTheTaskAllows() throws Exception {
        long claim = submitClaim(initiator, "{\"title\": \"Hotel\", \"amount\": 300, \"cost\": 280}");
        mvc.perform(patch("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"amount\": 3}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("flow.in_approval"));
        mvc.perform(post("/api/apps/{app}/forms/claim/records/{id}/submit", app, claim).with(as(initiator)))
                .andExpect(status().isConflict());

        String task = taskOf(manager, claim);
        JsonNode view = read(mvc.perform(get("/api/flow/tasks/{id}", task).with(as(manager))).andExpect(status().isOk()));
        assertThat(view.path("record").has("cost")).isFalse();
        assertThat(view.path("access").path("cost").asText()).isEqualTo("hidden");
        assertThat(view.path("access").path("note").asText()).isEqualTo("editable");
        assertThat(view.path("access").path("amount").asText()).isEqualTo("read_only");
        assertThat(view.path("returnTargets").findValuesAsText("id")).containsExactly("initiator");

        act(manager, task, "approve", Map.of("values", Map.of("amount", 1), "version", 1))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].pointer").value("/values/amount"));
        act(manager, task, "approve", Map.of("values", Map.of("cost", 1), "version", 1))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].pointer").value("/values/cost"));
        act(manager, task, "approve", Map.of("values", Map.of("note", "checked the receipt"), "version", 1))
                .andExpect(jsonPath("$.status").value("approved"));
        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.note").value("checked the receipt")).andExpect(jsonPath("$.cost").value(280));
    }

    @Test
    void transferDelegateAndAddedSignersPassTheTaskOn() throws Exception {
        long claim = submitClaim(initiator, "{\"title\": \"Train\", \"amount\": 120}");
        User deputy = createUser(clerkRole);
        User expert = createUser(clerkRole);
        User auditor = createUser(clerkRole);
        String task = taskOf(manager, claim);
        act(manager, task, "transfer", Map.of("user", "nobody_such")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/user"));
        act(manager, task, "transfer", Map.of("user", deputy.username(), "comment", "on leave")).andExpect(status().isOk());
        act(manager, task, "approve", Map.of()).andExpect(status().isForbidden());

        act(deputy, task, "delegate", Map.of("user", expert.username())).andExpect(status().isOk());
        mvc.perform(get("/api/flow/tasks/{id}", task).with(as(expert)))
                .andExpect(jsonPath("$.actions[0]").value("resolve")).andExpect(jsonPath("$.delegated").value(true));
        act(expert, task, "resolve", Map.of("comment", "looks right")).andExpect(status().isOk());

        act(deputy, task, "add_signer_before", Map.of("user", auditor.username())).andExpect(status().isOk());
        act(auditor, task, "resolve", Map.of("comment", "audited")).andExpect(status().isOk());
        act(deputy, task, "add_signer_after", Map.of("user", expert.username())).andExpect(status().isOk());
        act(deputy, task, "approve", Map.of()).andExpect(jsonPath("$.status").value("in_approval"));
        act(expert, task, "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));

        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action")).containsExactly("submit",
                "transfer", "delegate", "resolve", "add_signer_before", "resolve", "add_signer_after", "approve", "approve");
    }

    @Test
    void copiesReachTheInboxAndTheyCanReadTheInstance() throws Exception {
        long claim = submitClaim(initiator, "{\"title\": \"Books\", \"amount\": 60}");
        User reader = createUser(directorRole);
        act(manager, taskOf(manager, claim), "cc", Map.of("users", List.of(reader.username()))).andExpect(status().isOk());
        mvc.perform(get("/api/flow/inbox/counts").with(as(reader))).andExpect(jsonPath("$.cc").value(1));
        JsonNode copies = read(mvc.perform(get("/api/flow/inbox/cc").with(as(reader))));
        String instance = copies.path("items").get(0).path("instanceId").asText();
        assertThat(copies.path("items").get(0).path("from").path("username").asText()).isEqualTo(manager.username());
        mvc.perform(get("/api/flow/instances/{id}", instance).with(as(reader))).andExpect(status().isOk());
        mvc.perform(get("/api/flow/inbox/counts").with(as(reader))).andExpect(jsonPath("$.cc").value(0));
        mvc.perform(get("/api/flow/instances/{id}", instance).with(as(createUser(clerkRole)))).andExpect(status().isNotFound());
    }

    @Test
    void theInitiatorWithdrawsUntilAnApproverActsAndUrgesTheCurrentOnes() throws Exception {
        long first = submitClaim(initiator, "{\"title\": \"Cab\", \"amount\": 20}");
        String instance = workflow(initiator, first).path("instanceId").asText();
        mvc.perform(post("/api/flow/instances/{id}/urge", instance).with(as(initiator))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"please\"}")).andExpect(status().isOk());
        assertThat(notificationsTo(manager.username())).contains("urge");
        mvc.perform(post("/api/flow/instances/{id}/withdraw", instance).with(as(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/api/flow/instances/{id}/withdraw", instance).with(as(initiator)))
                .andExpect(jsonPath("$.status").value("withdrawn"));
        assertThat(statusOf(initiator, first)).isEqualTo("withdrawn");
        JsonNode todo = read(mvc.perform(get("/api/flow/inbox/todo").with(as(manager))));
        assertThat(todo.path("items").findValuesAsText("recordId")).doesNotContain(Long.toString(first));

        long second = submitClaim(initiator, "{\"title\": \"Fair\", \"amount\": 20000}");
        act(manager, taskOf(manager, second), "approve", Map.of()).andExpect(status().isOk());
        String running = workflow(initiator, second).path("instanceId").asText();
        mvc.perform(post("/api/flow/instances/{id}/withdraw", running).with(as(initiator)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("flow.not_withdrawable"));
        JsonNode started = read(mvc.perform(get("/api/flow/inbox/started").with(as(initiator))));
        assertThat(started.path("total").asLong()).isEqualTo(2);
        JsonNode done = read(mvc.perform(get("/api/flow/inbox/done?q=fai").with(as(manager))));
        assertThat(done.path("items").findValuesAsText("title")).containsExactly("Fair");
    }

    @Test
    void aFormWithoutABindingCannotBeSubmittedAndNothingIsStored() throws Exception {
        metadata.publishContent(app, "form", "memo", """
                {"key": "memo", "name": {"zh-CN": "备忘", "en": "Memo"},
                 "fields": [{"key": "text", "type": "text", "label": {"zh-CN": "内容", "en": "Text"}}]}""", null, ACTOR);
        roles.replaceGrants(clerkRole, List.of(new io.mosaic.runtime.security.role.GrantJson(app, "claim",
                List.of("create", "read", "update"), "own", Map.of()), new io.mosaic.runtime.security.role.GrantJson(app,
                "memo", List.of("create", "read", "update"), "own", Map.of())));
        mvc.perform(post("/api/apps/{app}/forms/memo/records?submit=true", app).with(as(initiator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hi\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("flow.not_bound"));
        mvc.perform(get("/api/apps/{app}/forms/memo/records", app).with(as(initiator)))
                .andExpect(jsonPath("$.items").isEmpty());
    }
}
