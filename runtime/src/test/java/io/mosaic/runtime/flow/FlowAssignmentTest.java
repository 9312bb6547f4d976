package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.org.OrgUnitRequest;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

/** Each kind of assignment, and the fallbacks when it resolves to nobody. */
class FlowAssignmentTest extends FlowTestSupport {

    private static final String ACTIONS = "\"actions\": [\"approve\", \"reject\", \"return\"]";

    private long submitted() throws Exception {
        return submitClaim(initiator, "{\"title\": \"Lunch\", \"amount\": 40, \"reviewer\": \"" + director.username()
                + "\", \"region\": \"nowhere\"}");
    }

    @Test
    void namedUsersByUsernameAndById() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "users", "users": ["%s"]},
                 "fallback": {"type": "skip"}, %s}""".formatted(director.username(), ACTIONS));
        assertThat(assigneesOf(submitted())).containsExactly(director.username());
    }

    @Test
    void namedUserById() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "users", "users": [%d]},
                 "fallback": {"type": "skip"}, %s}""".formatted(director.id(), ACTIONS));
        assertThat(assigneesOf(submitted())).containsExactly(director.username());
    }

    @Test
    void aRoleWithOneHolderAssignsThemAndWithSeveralOffersTheTaskToClaim() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "roles", "roles": ["%s"]},
                 "fallback": {"type": "skip"}, %s}""".formatted(directorRole, ACTIONS));
        long first = submitted();
        assertThat(assigneesOf(first)).containsExactly(director.username());

        User second = createUser(directorRole);
        long claim = submitted();
        assertThat(assigneesOf(claim)).containsExactlyInAnyOrder(director.username(), second.username());
        String task = taskOf(second, claim);
        mvc.perform(get("/api/flow/tasks/{id}", task).with(as(second))).andExpect(jsonPath("$.actions[0]").value("claim"));
        act(second, task, "claim", Map.of()).andExpect(status().isOk());
        act(director, task, "claim", Map.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("flow.task_taken"));
        assertThat(assigneesOf(claim)).containsExactly(second.username());
        act(second, task, "unclaim", Map.of()).andExpect(status().isOk());
        assertThat(assigneesOf(claim)).hasSize(2);
    }

    @Test
    void theInitiator() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "initiator"}, "fallback": {"type": "skip"}, %s}"""
                .formatted(ACTIONS));
        assertThat(assigneesOf(submitted())).containsExactly(initiator.username());
    }

    @Test
    void theInitiatorsManagerTwoLevelsUpThroughTheOrgTree() throws Exception {
        User head = createUser(clerkRole);
        OrgUnit company = orgs.create(new OrgUnitRequest(null, unique("co"), "Company", "company", head.id()));
        OrgUnit team = orgs.create(new OrgUnitRequest(company.id(), unique("team"), "Team", "team", null));
        // The manager has no manager of their own: the manager of their unit (or the nearest above) is next.
        users.update(manager.id(), new UserRequest(manager.username(), "Manager", null, null, team.id(), null, null,
                List.of(clerkRole), "en", null));
        publishSingle("""
                {"id": "review", "assignment": {"type": "initiator_manager", "levels": 2},
                 "fallback": {"type": "skip"}, %s}""".formatted(ACTIONS));
        assertThat(assigneesOf(submitted())).containsExactly(head.username());
    }

    @Test
    void theManagerOfTheOrgUnitARecordFieldNames() throws Exception {
        User regionHead = createUser(clerkRole);
        OrgUnit region = orgs.create(new OrgUnitRequest(null, unique("north"), "North", "region", regionHead.id()));
        publishSingle("""
                {"id": "review", "assignment": {"type": "org_manager", "field": "region"},
                 "fallback": {"type": "skip"}, %s}""".formatted(ACTIONS));
        long claim = submitClaim(initiator, "{\"title\": \"Lunch\", \"region\": \"" + region.code() + "\"}");
        assertThat(assigneesOf(claim)).containsExactly(regionHead.username());
    }

    @Test
    void theUserARecordFieldHolds() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "field_user", "field": "reviewer"},
                 "fallback": {"type": "skip"}, %s}""".formatted(ACTIONS));
        assertThat(assigneesOf(submitted())).containsExactly(director.username());
    }

    @Test
    void theAccountsOfTheDealerWhoseCodeARecordFieldHolds() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "dealer_users", "field": "note"},
                 "fallback": {"type": "skip"}, %s}""".formatted(ACTIONS));
        String code = unique("D");
        User one = createDealerUser(null, code, clerkRole);
        User two = createDealerUser(null, code, clerkRole);
        createDealerUser(null, unique("D"), clerkRole);

        long claim = submitClaim(initiator, "{\"title\": \"Rebate\", \"note\": \"" + code + "\"}");
        assertThat(assigneesOf(claim)).containsExactlyInAnyOrder(one.username(), two.username());
        long nobody = submitClaim(initiator, "{\"title\": \"Rebate\", \"note\": \"" + unique("D") + "\"}");
        assertThat(workflow(initiator, nobody).path("status").asText()).isEqualTo("approved");
    }

    @Test
    void candidatesByUserAndRole() throws Exception {
        User lawyer = createUser(legalRole);
        publishSingle("""
                {"id": "review", "assignment": {"type": "candidates", "roles": ["%s"], "users": ["%s"]},
                 "fallback": {"type": "skip"}, %s}""".formatted(legalRole, director.username(), ACTIONS));
        long claim = submitted();
        assertThat(assigneesOf(claim)).containsExactlyInAnyOrder(director.username(), lawyer.username());
        act(lawyer, taskOf(lawyer, claim), "claim", Map.of()).andExpect(status().isOk());
        act(lawyer, taskOf(lawyer, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
    }

    @Test
    void nobodyResolvedFallsBackToTheConfiguredUser() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "org_manager", "field": "region"},
                 "fallback": {"type": "user", "user": "%s"}, %s}""".formatted(director.username(), ACTIONS));
        assertThat(assigneesOf(submitted())).containsExactly(director.username());
    }

    @Test
    void nobodyResolvedSkipsTheTaskWhenSoConfigured() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "roles", "roles": ["%s"]},
                 "fallback": {"type": "skip"}, %s}""".formatted(boardRole, ACTIONS));
        long claim = submitted();
        assertThat(statusOf(initiator, claim)).isEqualTo("approved");
        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action")).containsExactly("submit", "skip");
    }
}
