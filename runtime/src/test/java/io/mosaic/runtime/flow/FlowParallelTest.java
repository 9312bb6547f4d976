package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.org.OrgUnitRequest;
import io.mosaic.runtime.security.user.User;

/**
 * A process with a parallel block (candidates by role on one branch, the manager of the record's region on the
 * other) and a countersign of the board (60 % must approve): returns out of a branch and out of the countersign
 * leave no branch or signer behind.
 */
class FlowParallelTest extends FlowTestSupport {

    User reviewer;
    User lawyer;
    User regionManager;
    User board1;
    User board2;
    User board3;
    OrgUnit region;

    @BeforeEach
    void parallelProcess() throws Exception {
        publishFlow("parallel");
        reviewer = createUser(clerkRole);
        lawyer = createUser(legalRole);
        regionManager = createUser(clerkRole);
        region = orgs.create(new OrgUnitRequest(null, unique("east"), "East", "region", regionManager.id()));
        board1 = createUser(boardRole);
        board2 = createUser(boardRole);
        board3 = createUser(boardRole);
    }

    private long claim(int amount) throws Exception {
        return submitClaim(initiator, """
                {"title": "Expo", "amount": %d, "reviewer": "%s", "region": "%s"}"""
                .formatted(amount, reviewer.username(), region.code()));
    }

    private void throughTheBranches(long claim) throws Exception {
        act(reviewer, taskOf(reviewer, claim), "approve", Map.of()).andExpect(status().isOk());
        String legal = taskOf(lawyer, claim);
        act(lawyer, legal, "approve", Map.of()).andExpect(status().isForbidden());
        act(lawyer, legal, "claim", Map.of()).andExpect(status().isOk());
        act(lawyer, legal, "approve", Map.of()).andExpect(status().isOk());
        act(regionManager, taskOf(regionManager, claim), "approve", Map.of()).andExpect(status().isOk());
    }

    @Test
    void returnFromABranchTakesTheOtherBranchBackToo() throws Exception {
        long claim = claim(500);
        act(reviewer, taskOf(reviewer, claim), "approve", Map.of()).andExpect(status().isOk());
        String finance = taskOf(regionManager, claim);
        JsonNode task = read(mvc.perform(get("/api/flow/tasks/{id}", finance).with(as(regionManager))));
        assertThat(task.path("returnTargets").findValuesAsText("id")).containsExactly("initiator", "intake");

        act(regionManager, finance, "return", Map.of("target", "intake", "comment", "wrong region"))
                .andExpect(status().isOk());

        assertThat(nodesOf(initiator, claim)).containsExactly("intake");
        throughTheBranches(claim);
        assertThat(nodesOf(initiator, claim)).containsExactly("board");
    }

    @Test
    void returnAfterTheJoinOffersNoNodeInsideTheBlockAndRestartsCleanly() throws Exception {
        long claim = claim(500);
        throughTheBranches(claim);
        String board = taskOf(board1, claim);
        JsonNode task = read(mvc.perform(get("/api/flow/tasks/{id}", board).with(as(board1))));
        assertThat(task.path("returnTargets").findValuesAsText("id")).containsExactly("initiator", "intake");

        act(board1, board, "return", Map.of("target", "intake", "comment", "start over")).andExpect(status().isOk());

        assertThat(nodesOf(initiator, claim)).containsExactly("intake");
        for (User member : List.of(board1, board2, board3)) {
            JsonNode todo = read(mvc.perform(get("/api/flow/inbox/todo").with(as(member))));
            assertThat(todo.path("items").findValuesAsText("recordId")).doesNotContain(Long.toString(claim));
        }
        throughTheBranches(claim);
        assertThat(nodesOf(initiator, claim)).containsExactly("board");
    }

    @Test
    void countersignApprovesWhenSixtyPercentOfTheBoardApprove() throws Exception {
        long claim = claim(500);
        throughTheBranches(claim);
        act(board1, taskOf(board1, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("in_approval"));
        act(board2, taskOf(board2, claim), "reject", Map.of("comment", "too dear"))
                .andExpect(jsonPath("$.status").value("in_approval"));
        act(board3, taskOf(board3, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
        assertThat(statusOf(initiator, claim)).isEqualTo("approved");
    }

    @Test
    void countersignRejectsOnceSixtyPercentCanNoLongerBeReached() throws Exception {
        long claim = claim(500);
        throughTheBranches(claim);
        act(board1, taskOf(board1, claim), "reject", Map.of("comment", "no")).andExpect(jsonPath("$.status").value("in_approval"));
        act(board2, taskOf(board2, claim), "reject", Map.of("comment", "no")).andExpect(jsonPath("$.status").value("rejected"));
        assertThat(statusOf(initiator, claim)).isEqualTo("rejected");
        JsonNode todo = read(mvc.perform(get("/api/flow/inbox/todo").with(as(board3))));
        assertThat(todo.path("items").findValuesAsText("recordId")).doesNotContain(Long.toString(claim));
    }

    @Test
    void returnInsideTheCountersignCancelsEverySigner() throws Exception {
        long claim = claim(500);
        throughTheBranches(claim);
        act(board1, taskOf(board1, claim), "approve", Map.of()).andExpect(status().isOk());
        act(board2, taskOf(board2, claim), "return", Map.of("target", "initiator", "comment", "add the invoice"))
                .andExpect(jsonPath("$.status").value("returned"));
        for (User member : List.of(board1, board2, board3)) {
            JsonNode todo = read(mvc.perform(get("/api/flow/inbox/todo").with(as(member))));
            assertThat(todo.path("items").findValuesAsText("recordId")).doesNotContain(Long.toString(claim));
        }
        act(initiator, taskOf(initiator, claim), "resubmit", Map.of("comment", "invoice added"))
                .andExpect(jsonPath("$.status").value("in_approval"));
        throughTheBranches(claim);
        // A fresh countersign: the approval given before the return does not count again.
        act(board1, taskOf(board1, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("in_approval"));
        act(board2, taskOf(board2, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
    }

    @Test
    void signerAddedAfterJoinsTheCountersign() throws Exception {
        long claim = claim(500);
        throughTheBranches(claim);
        User guest = createUser(clerkRole);
        act(board1, taskOf(board1, claim), "add_signer_after", Map.of("user", guest.username())).andExpect(status().isOk());
        act(board1, taskOf(board1, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("in_approval"));
        act(board2, taskOf(board2, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("in_approval"));
        // 2 of 4 is 50 %: the guest's approval decides.
        act(guest, taskOf(guest, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
    }
}
