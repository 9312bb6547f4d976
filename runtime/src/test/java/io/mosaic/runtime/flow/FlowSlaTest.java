package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

/** SLA timers with the clock moved by the test: reminders, escalation to the manager, automatic decisions. */
class FlowSlaTest extends FlowTestSupport {

    @Autowired
    FlowSla sla;

    @Test
    void anOverdueFirstStepEscalatesToTheManagersManagerAndAnOverdueSecondApprovesItself() throws Exception {
        User boss = createUser(clerkRole);
        users.update(manager.id(), new UserRequest(manager.username(), "Manager", null, null, null, boss.id(), null,
                List.of(clerkRole), "en", null));
        publishFlow("two-level");
        long claim = submitClaim(initiator, "{\"title\": \"Booth\", \"amount\": 50000}");
        String task = taskOf(manager, claim);
        JsonNode view = read(mvc.perform(get("/api/flow/tasks/{id}", task).with(as(manager))).andExpect(status().isOk()));
        Instant due = Instant.parse(view.path("dueAt").asText());
        assertThat(Duration.between(Instant.now(), due)).isBetween(Duration.ofHours(47), Duration.ofHours(48));

        sla.sweep(due.minusSeconds(60));
        assertThat(assigneesOf(claim)).containsExactly(manager.username());

        sla.sweep(due.plusSeconds(60));
        assertThat(assigneesOf(claim)).containsExactly(boss.username());
        sla.sweep(due.plusSeconds(120));
        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action")).containsExactly("submit", "escalate");
        assertThat(notificationsTo(boss.username())).contains("task_assigned");

        act(boss, taskOf(boss, claim), "approve", java.util.Map.of()).andExpect(status().isOk());
        sla.sweep(Instant.now().plus(Duration.ofHours(5)));
        assertThat(statusOf(initiator, claim)).isEqualTo("approved");
        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action"))
                .containsExactly("submit", "escalate", "approve", "auto_approve");
    }

    @Test
    void anOverdueTaskRemindsItsAssigneeOnce() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "users", "users": ["%s"]}, "fallback": {"type": "skip"},
                 "actions": ["approve", "reject"], "sla": {"due": "PT1H", "onOverdue": "remind"}}"""
                .formatted(director.username()));
        long claim = submitClaim(initiator, "{\"title\": \"Paper\"}");
        sla.sweep(Instant.now().plus(Duration.ofHours(2)));
        sla.sweep(Instant.now().plus(Duration.ofHours(3)));
        assertThat(workflow(initiator, claim).path("timeline").findValuesAsText("action")).containsExactly("submit", "remind");
        assertThat(notificationsTo(director.username())).containsOnlyOnce("overdue");
        assertThat(statusOf(initiator, claim)).isEqualTo("in_approval");
    }

    @Test
    void anOverdueTaskRejectsItselfWhenSoConfigured() throws Exception {
        publishSingle("""
                {"id": "review", "assignment": {"type": "users", "users": ["%s"]}, "fallback": {"type": "skip"},
                 "actions": ["approve", "reject"], "sla": {"due": "P1D", "onOverdue": "auto_reject"}}"""
                .formatted(director.username()));
        long claim = submitClaim(initiator, "{\"title\": \"Paper\"}");
        sla.sweep(Instant.now().plus(Duration.ofDays(2)));
        assertThat(statusOf(initiator, claim)).isEqualTo("rejected");
    }
}
