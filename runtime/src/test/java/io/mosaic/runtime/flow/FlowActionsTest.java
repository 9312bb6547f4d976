package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

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
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/apps/{app}/forms/claim/records/{id}/submit", app, claim).with(as(initiator))
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
}
