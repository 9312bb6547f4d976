package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.api.definition.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each action becomes an effect with its formulas and templates evaluated; nothing is executed. */
class ActionsTest {

    private static final Map<String, Object> ORDER = Map.of("total", 1200, "order_no", "SO-1", "owner", "bob",
            "watchers", List.of("carol", "dave"), "id", 42, "order_date", "2026-03-01");

    private final RuleEngine engine = new RuleEngine();

    private Effect effectOf(String trigger, String action) {
        CompiledRules rules = engine.rules(action, Records.ruleSet(trigger, null, "[" + action + "]"));
        return rules.run(Records.facts(ORDER)).effects().get(0);
    }

    private Effect effectOf(String action) {
        return effectOf("{\"type\": \"after_save\"}", action);
    }

    @Test
    void setFieldWithALiteral() {
        assertThat(effectOf("{\"type\": \"set_field\", \"field\": \"grade\", \"value\": \"A\"}"))
                .isEqualTo(new Effect.SetField("grade", "A"));
    }

    @Test
    void setFieldWithAFormula() {
        assertThat(effectOf("{\"type\": \"set_field\", \"field\": \"tax\", \"expression\": \"total * 0.13\"}"))
                .isEqualTo(new Effect.SetField("tax", new BigDecimal("156")));
    }

    @Test
    void setFieldWithADateFormulaGivesIsoText() {
        assertThat(effectOf("{\"type\": \"set_field\", \"field\": \"due\", \"expression\": \"TODAY()\"}"))
                .isEqualTo(new Effect.SetField("due", "2026-03-15"));
    }

    @Test
    void rejectFillsTheMessageTemplate() {
        assertThat(effectOf("{\"type\": \"before_save\"}", """
                {"type": "reject", "field": "total",
                 "message": {"zh-CN": "订单 {order_no} 金额 {total} 过高", "en": "Order {order_no}: {total} is too much {unknown}"}}
                """)).isEqualTo(new Effect.Reject("total",
                new LocalizedText("订单 SO-1 金额 1200 过高", "Order SO-1: 1200 is too much {unknown}")));
    }

    @Test
    void notifyNamesChannelsRecipientsAndFieldUsers() {
        Effect effect = effectOf("""
                {"type": "notify", "channels": ["in_app", "email", "webhook"], "webhook": "wecom_sales",
                 "to": {"roles": ["finance"], "users": ["erin"], "fields": ["owner", "watchers"], "initiator": true},
                 "title": {"zh-CN": "大单", "en": "Big order"},
                 "message": {"zh-CN": "{order_no}", "en": "Order {order_no} totals {total}"}}
                """);

        assertThat(effect).isEqualTo(new Effect.Notify(List.of("in_app", "email", "webhook"),
                new Effect.Recipients(List.of("finance"), List.of("erin"), List.of("owner", "watchers"),
                        List.of("bob", "carol", "dave"), true),
                "wecom_sales", new LocalizedText("大单", "Big order"), new LocalizedText("SO-1", "Order SO-1 totals 1200")));
    }

    @Test
    void createRecordEvaluatesEachValue() {
        assertThat(effectOf("""
                {"type": "create_record", "form": "audit", "values": {"order_id": "id", "note": "\\"big \\" & order_no"}}
                """)).isEqualTo(new Effect.CreateRecord("audit", Map.of("order_id", new BigDecimal("42"),
                "note", "big SO-1")));
    }

    @Test
    void updateRecordCarriesAMatchOverCandidatesAndTheTriggeringRecord() {
        Effect effect = effectOf("""
                {"type": "update_record", "form": "dealer", "match": {"expression": "last_order = record.order_no"},
                 "values": {"last_total": "total"}}
                """);

        assertThat(effect).isInstanceOfSatisfying(Effect.UpdateRecord.class, update -> {
            assertThat(update.form()).isEqualTo("dealer");
            assertThat(update.values()).containsEntry("last_total", new BigDecimal("1200"));
            assertThat(update.match().matches(Records.record(Map.of("last_order", "SO-1")))).isTrue();
            assertThat(update.match().matches(Records.record(Map.of("last_order", "SO-2")))).isFalse();
        });
    }

    @Test
    void startProcessNamesTheProcess() {
        assertThat(effectOf("{\"type\": \"start_process\", \"process\": \"order_approval\"}"))
                .isEqualTo(new Effect.StartProcess("order_approval"));
    }

    @Test
    void createTodoForRolesWithATitleAndDueDays() {
        assertThat(effectOf("""
                {"type": "create_todo", "to": {"roles": ["region_manager"]}, "dueInDays": 14,
                 "title": {"zh-CN": "跟进 {order_no}", "en": "Follow up {order_no}"}}
                """)).isEqualTo(new Effect.CreateTodo(new Effect.Recipients(List.of("region_manager"), List.of(),
                List.of(), List.of(), false), new LocalizedText("跟进 SO-1", "Follow up SO-1"), null, 14));
    }

    @Test
    void effectsSerialiseWithTheSchemasActionType() throws Exception {
        String json = new ObjectMapper().writeValueAsString(new Effect.SetField("grade", "A"));

        assertThat(json).isEqualTo("{\"type\":\"set_field\",\"field\":\"grade\",\"value\":\"A\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"before_save\"}                                                  | before_save",
            "{\"type\": \"after_save\"}                                                   | after_save",
            "{\"type\": \"field_changed\", \"fields\": [\"total\", \"dealer\"]}           | field_changed",
            "{\"type\": \"submitted\"}                                                    | submitted",
            "{\"type\": \"approved\"}                                                     | approved",
            "{\"type\": \"rejected\"}                                                     | rejected",
            "{\"type\": \"task_created\", \"task\": \"review\"}                           | task_created",
            "{\"type\": \"task_completed\"}                                               | task_completed",
            "{\"type\": \"task_overdue\", \"task\": \"review\"}                           | task_overdue",
            "{\"type\": \"schedule\", \"cron\": \"0 0 8 * * ?\"}                          | schedule",
            "{\"type\": \"schedule\", \"relativeTo\": {\"field\": \"contract_end\", \"days\": -30}} | schedule",
    })
    void eachTriggerIsReadIntoTheCompiledRuleSet(String trigger, String type) {
        Trigger read = engine.rules(trigger, Records.ruleSet(trigger, null,
                "[{\"type\": \"start_process\", \"process\": \"p\"}]")).trigger();

        assertThat(read.type()).isEqualTo(type);
        switch (type) {
            case "field_changed" -> assertThat(read.fields()).containsExactly("total", "dealer");
            case "task_created", "task_overdue" -> assertThat(read.task()).isEqualTo("review");
            case "schedule" -> assertThat(read.cron() != null ? read.cron() : read.relativeTo())
                    .isIn("0 0 8 * * ?", new Trigger.RelativeTo("contract_end", -30));
            default -> assertThat(read.fields()).isEmpty();
        }
    }
}
