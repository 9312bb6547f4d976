package io.mosaic.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule sets triggered by approvals: they notify when a record is submitted and change it once approved. */
class FlowRuleTriggersTest extends FlowTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    FlowSla sla;

    @BeforeEach
    void rulesOnTheClaimsApproval() throws Exception {
        publishFlow("two-level");
        metadata.publishContent(app, "rules", "claim_flow", """
                {"key": "claim_flow", "name": {"zh-CN": "报销规则", "en": "Claim rules"}, "form": "claim",
                 "trigger": {"type": "submitted"},
                 "rules": [{"key": "big", "name": {"zh-CN": "大额", "en": "Big"},
                            "condition": {"field": "amount", "op": "gt", "value": 10000},
                            "actions": [{"type": "notify", "channels": ["in_app"], "to": {"users": ["%s"]},
                                         "message": {"zh-CN": "大额报销", "en": "A big claim"}}]}]}"""
                .formatted(director.username()), null, ACTOR);
        metadata.publishContent(app, "rules", "claim_done", """
                {"key": "claim_done", "name": {"zh-CN": "报销完成", "en": "Claim done"}, "form": "claim",
                 "trigger": {"type": "approved"},
                 "rules": [{"key": "stamp", "name": {"zh-CN": "盖章", "en": "Stamp"},
                            "actions": [{"type": "set_field", "field": "note", "value": "paid out"}]}]}""", null, ACTOR);
    }

    @Test
    void aSubmittedRuleNotifiesInTheSubmitsTransaction() throws Exception {
        submitClaim(initiator, "{\"title\": \"Taxi\", \"amount\": 30}");
        assertThat(notificationsTo(director.username())).isEmpty();
        submitClaim(initiator, "{\"title\": \"Fair\", \"amount\": 30000}");
        assertThat(notificationsTo(director.username())).containsExactly("rule");
    }

    @Test
    void anApprovedRuleChangesTheRecordOnceApproved() throws Exception {
        long claim = submitClaim(initiator, "{\"title\": \"Taxi\", \"amount\": 30}");
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("approved"));
        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.note").value("paid out"));
        assertThat(statusOf(initiator, claim)).isEqualTo("approved");
    }

    @Test
    void anAfterSaveRuleStartsTheFormsApprovalInTheSavesTransaction() throws Exception {
        metadata.publishContent(app, "rules", "auto_submit", """
                {"key": "auto_submit", "name": {"zh-CN": "自动提交", "en": "Auto submit"}, "form": "claim",
                 "trigger": {"type": "after_save"},
                 "rules": [{"key": "big", "name": {"zh-CN": "大额", "en": "Big"},
                            "condition": {"field": "amount", "op": "gt", "value": 5000},
                            "actions": [{"type": "start_process", "process": "two_level"}]}]}""", null, ACTOR);
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/apps/{app}/forms/claim/records", app).with(as(initiator))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Expo\", \"amount\": 8000}"))
                .andReturn().getResponse().getContentAsString();
        long claim = json.readTree(created).path("id").asLong();
        assertThat(statusOf(initiator, claim)).isEqualTo("in_approval");
        assertThat(assigneesOf(claim)).containsExactly(manager.username());
    }

    @Test
    void aRejectedRuleRunsWhenTheApprovalIsRejected() throws Exception {
        metadata.publishContent(app, "rules", "on_reject", """
                {"key": "on_reject", "name": {"zh-CN": "驳回", "en": "Rejected"}, "form": "claim",
                 "trigger": {"type": "rejected"},
                 "rules": [{"key": "mark", "name": {"zh-CN": "标记", "en": "Mark"},
                            "actions": [{"type": "set_field", "field": "note", "value": "declined"}]}]}""", null, ACTOR);
        long claim = submitClaim(initiator, "{\"title\": \"Gift\", \"amount\": 30}");
        act(manager, taskOf(manager, claim), "reject", Map.of("comment", "no")).andExpect(jsonPath("$.status").value("rejected"));
        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.note").value("declined"));
    }

    @Test
    void taskRulesRunWhenATaskIsCreatedAndCompleted() throws Exception {
        metadata.publishContent(app, "rules", "on_tasks", """
                {"key": "on_tasks", "name": {"zh-CN": "任务", "en": "Tasks"}, "form": "claim",
                 "trigger": {"type": "task_created", "task": "first_review"},
                 "rules": [{"key": "todo", "name": {"zh-CN": "待办", "en": "To-do"},
                            "actions": [{"type": "create_todo", "to": {"users": ["%s"]},
                                         "title": {"zh-CN": "跟进报销", "en": "Follow the claim up"}}]}]}"""
                .formatted(director.username()), null, ACTOR);
        metadata.publishContent(app, "rules", "on_done", """
                {"key": "on_done", "name": {"zh-CN": "完成", "en": "Done"}, "form": "claim",
                 "trigger": {"type": "task_completed", "task": "first_review"},
                 "rules": [{"key": "mark", "name": {"zh-CN": "标记", "en": "Mark"},
                            "actions": [{"type": "set_field", "field": "note", "value": "reviewed"}]}]}""", null, ACTOR);
        long claim = submitClaim(initiator, "{\"title\": \"Fair\", \"amount\": 30000}");
        assertThat(notificationsTo(director.username())).contains("todo");
        act(manager, taskOf(manager, claim), "approve", Map.of()).andExpect(jsonPath("$.status").value("in_approval"));
        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.note").value("reviewed"));
    }

    @Test
    void anOverdueRuleRunsWhenTheSlaSweepFindsTheTaskLate() throws Exception {
        metadata.publishContent(app, "rules", "on_late", """
                {"key": "on_late", "name": {"zh-CN": "超时", "en": "Late"}, "form": "claim",
                 "trigger": {"type": "task_overdue", "task": "first_review"},
                 "rules": [{"key": "flag", "name": {"zh-CN": "标记", "en": "Flag"},
                            "actions": [{"type": "set_field", "field": "note", "value": "late review"}]}]}""", null, ACTOR);
        long claim = submitClaim(initiator, "{\"title\": \"Taxi\", \"amount\": 30}");
        sla.sweep(java.time.Instant.now().plus(java.time.Duration.ofDays(3)));
        mvc.perform(get("/api/apps/{app}/forms/claim/records/{id}", app, claim).with(as(initiator)))
                .andExpect(jsonPath("$.note").value("late review"));
    }
}
