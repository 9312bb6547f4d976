package io.mosaic.runtime.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;

/** Rule sets on the saves of a form's records, and their simulation. */
class RuleSaveTest extends SecurityTestSupport {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    io.mosaic.runtime.form.FormRecords records;

    private final String app = unique("rs").toLowerCase();
    private final String clerkRole = unique("clerk").toLowerCase();
    private final String financeRole = unique("finance").toLowerCase();
    private User clerk;
    private User finance;

    @BeforeEach
    void anOrderFormWithRules() {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "订单", "en": "Orders"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "员工", "en": "Clerk"},
                            "grants": [{"form": "order", "actions": ["create", "read", "update"], "rowScope": "all"},
                                       {"form": "log", "actions": ["read"], "rowScope": "all"}]},
                           {"key": "%s", "name": {"zh-CN": "财务", "en": "Finance"}, "grants": []}],
                 "definitions": [{"kind": "form", "key": "order"}, {"kind": "form", "key": "log"}]}""".formatted(app, clerkRole, financeRole);
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"},
                 "fields": [{"key": "customer", "type": "text", "label": {"zh-CN": "客户", "en": "Customer"}},
                            {"key": "total", "type": "integer", "label": {"zh-CN": "合计", "en": "Total"}},
                            {"key": "band", "type": "text", "label": {"zh-CN": "档", "en": "Band"}}]}""", null, ACTOR);
        metadata.publishContent(app, "form", "log", """
                {"key": "log", "name": {"zh-CN": "日志", "en": "Log"},
                 "fields": [{"key": "text", "type": "text", "label": {"zh-CN": "内容", "en": "Text"}}]}""", null, ACTOR);
        metadata.publishContent(app, "rules", "order_checks", """
                {"key": "order_checks", "name": {"zh-CN": "订单校验", "en": "Order checks"}, "form": "order",
                 "trigger": {"type": "before_save"},
                 "rules": [
                   {"key": "negative", "name": {"zh-CN": "负数", "en": "Negative"},
                    "condition": {"field": "total", "op": "lt", "value": 0},
                    "actions": [{"type": "reject", "field": "total", "message": {"zh-CN": "合计不能为负", "en": "The total cannot be negative"}}]},
                   {"key": "big", "name": {"zh-CN": "大单", "en": "Big"},
                    "condition": {"field": "total", "op": "gt", "value": 50000},
                    "actions": [{"type": "set_field", "field": "band", "value": "big"}]}
                 ]}""", null, ACTOR);
        metadata.publishContent(app, "rules", "order_alerts", """
                {"key": "order_alerts", "name": {"zh-CN": "订单提醒", "en": "Order alerts"}, "form": "order",
                 "trigger": {"type": "after_save"},
                 "rules": [
                   {"key": "tell_finance", "name": {"zh-CN": "通知财务", "en": "Tell finance"},
                    "condition": {"field": "total", "op": "gt", "value": 50000},
                    "actions": [{"type": "notify", "channels": ["in_app"], "to": {"roles": ["%s"]},
                                 "message": {"zh-CN": "大额订单", "en": "A large order"}},
                                {"type": "create_record", "form": "log", "values": {"text": "customer"}}]}
                 ]}""".formatted(financeRole), null, ACTOR);
        clerk = createUser(clerkRole);
        finance = createUser(financeRole);
    }

    private long outboxTo(User user) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_OUTBOX WHERE channel = 'in_app' AND target = ?").param(user.username())
                .query(Long.class).single();
    }

    @Test
    void beforeSaveRulesSetFieldsAndRefuseWithTheMessageOnTheField() throws Exception {
        mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"ACME\", \"total\": -5}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/total"))
                .andExpect(jsonPath("$.errors[0].message").value("The total cannot be negative"));
        String created = mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"ACME\", \"total\": 60000}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.band").value("big"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).path("id").asLong();
        mvc.perform(patch("/api/apps/{app}/forms/order/records/{id}", app, id).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"total\": -1}"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aRuleHandsATodoToTheHoldersOfARoleAndOneOfThemMarksItDone() throws Exception {
        metadata.publishContent(app, "rules", "order_todos", """
                {"key": "order_todos", "name": {"zh-CN": "订单待办", "en": "Order to-dos"}, "form": "order",
                 "trigger": {"type": "after_save"},
                 "rules": [{"key": "check", "name": {"zh-CN": "复核", "en": "Check"},
                            "condition": {"field": "total", "op": "gt", "value": 50000},
                            "actions": [{"type": "create_todo", "to": {"roles": ["%s"]}, "dueInDays": 2,
                                         "title": {"zh-CN": "复核大单", "en": "Check the large order"}}]}]}"""
                .formatted(financeRole), null, ACTOR);
        User otherFinance = createUser(financeRole);
        mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"Small\", \"total\": 10}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/flow/inbox/todo").with(as(finance))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"Big Co\", \"total\": 90000}"))
                .andExpect(status().isCreated());

        JsonNode box = json.readTree(mvc.perform(get("/api/flow/inbox/todo").with(as(finance)))
                .andExpect(jsonPath("$.total").value(1)).andReturn().getResponse().getContentAsString());
        JsonNode todo = box.path("items").get(0);
        assertThat(todo.path("kind").asText()).isEqualTo("todo");
        assertThat(todo.path("title").path("en").asText()).isEqualTo("Check the large order");
        assertThat(todo.path("form").asText()).isEqualTo("order");
        assertThat(todo.path("candidate").asBoolean()).isTrue();
        assertThat(todo.path("dueAt").isTextual()).isTrue();
        mvc.perform(get("/api/flow/inbox/counts").with(as(otherFinance))).andExpect(jsonPath("$.todo").value(1));
        String todoId = todo.path("taskId").asText();

        mvc.perform(post("/api/flow/todos/{id}/done", todoId).with(as(clerk)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("flow.todo_not_found"));
        mvc.perform(post("/api/flow/todos/{id}/done", todoId).with(as(otherFinance))).andExpect(status().isNoContent());
        mvc.perform(get("/api/flow/inbox/todo").with(as(finance))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/flow/todos/{id}/done", todoId).with(as(finance))).andExpect(status().isNotFound());
    }

    @Test
    void afterSaveRulesNotifyAndCreateRecordsInTheSavesTransaction() throws Exception {
        mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"Small\", \"total\": 10}"))
                .andExpect(status().isCreated());
        assertThat(outboxTo(finance)).isZero();
        mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"Big Co\", \"total\": 90000}"))
                .andExpect(status().isCreated());
        assertThat(outboxTo(finance)).isEqualTo(1);
        mvc.perform(get("/api/apps/{app}/forms/log/records", app).with(as(clerk)))
                .andExpect(jsonPath("$.items[0].text").value("Big Co"));
    }

    @Test
    void simulationShowsWhatWouldFireAndDoesNothing() throws Exception {
        User analyst = createUser("analyst");
        mvc.perform(post("/api/apps/{app}/rules/order_alerts/simulate", app).with(as(analyst))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"record\": {\"customer\": \"X\", \"total\": 70000}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fired[0].ruleKey").value("tell_finance"))
                .andExpect(jsonPath("$.fired[0].effects[0].type").value("notify"));
        assertThat(outboxTo(finance)).isZero();
        mvc.perform(post("/api/apps/{app}/rules/order_alerts/simulate", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"record\": {}}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFieldChangedRuleUpdatesTheMatchingRecordsOfAnotherForm() throws Exception {
        metadata.publishContent(app, "rules", "on_total", """
                {"key": "on_total", "name": {"zh-CN": "金额变化", "en": "Total changed"}, "form": "order",
                 "trigger": {"type": "field_changed", "fields": ["total"]},
                 "rules": [{"key": "relog", "name": {"zh-CN": "更新日志", "en": "Update the log"},
                            "actions": [{"type": "update_record", "form": "log",
                                         "match": {"expression": "text = record.customer"},
                                         "values": {"text": "band"}}]}]}""", null, ACTOR);
        String created = mvc.perform(post("/api/apps/{app}/forms/order/records", app).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"ACME\", \"total\": 10}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // A new record's fields all count as changed: the log records come after it.
        records.systemStore(app, "log").create("{\"text\": \"ACME\"}", new io.mosaic.form.store.Actor(clerk.id(), null, null),
                java.util.Locale.ENGLISH);
        records.systemStore(app, "log").create("{\"text\": \"Other\"}", new io.mosaic.form.store.Actor(clerk.id(), null, null),
                java.util.Locale.ENGLISH);
        long id = json.readTree(created).path("id").asLong();
        mvc.perform(patch("/api/apps/{app}/forms/order/records/{id}", app, id).with(as(clerk))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"total\": 60000}"))
                .andExpect(status().isOk());
        // The matching log got the order's band; the after-save rule logged the large order anew.
        JsonNode logs = json.readTree(mvc.perform(get("/api/apps/{app}/forms/log/records", app).with(as(clerk)))
                .andReturn().getResponse().getContentAsString()).path("items");
        assertThat(logs.findValuesAsText("text")).containsExactlyInAnyOrder("big", "Other", "ACME");
    }
}
