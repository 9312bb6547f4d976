package io.mosaic.rule.run;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetRunTest {

    private final RuleEngine engine = new RuleEngine();

    @Test
    void orderChecksRejectACreditOverrunWithTheMessageOnTheField() {
        CompiledRules rules = engine.rules("dms/order_checks/1", Records.fixture("rules/order-checks.rules.json"));

        RuleRun run = rules.run(Records.facts(Map.of("total", 120_000, "status", "open", "discount", 0.05,
                "remark", "ok", "dealer", Map.of("credit_limit", 100_000))));

        assertThat(run.fired()).extracting(RuleRun.Fired::ruleKey).containsExactly("credit_exceeded");
        assertThat(run.effects()).singleElement().isInstanceOfSatisfying(Effect.Reject.class, reject -> {
            assertThat(reject.field()).isEqualTo("total");
            assertThat(reject.message().en()).isEqualTo("The order exceeds the dealer's credit limit");
        });
    }

    @Test
    void drlHoldsNothingButGeneratedNamesAndCalls() {
        CompiledRules rules = engine.rules("dms/order_checks/1", Records.fixture("rules/order-checks.rules.json"));

        assertThat(rules.drl()).contains("rule \"r_0\"", "$s : RuleSession((test(0) && test(1) && !(test(2))))",
                "rule \"r_1\"", "no-loop true").doesNotContain("credit", "total", "cancelled");
    }

    @Test
    void higherPriorityFiresFirst() {
        CompiledRules rules = engine.rules("dms/order_checks/1", Records.fixture("rules/order-checks.rules.json"));

        RuleRun run = rules.run(Records.facts(Map.of("total", 120_000, "status", "open", "discount", 0.3,
                "dealer", Map.of("credit_limit", 100_000))));

        assertThat(run.fired()).extracting(RuleRun.Fired::ruleKey).containsExactly("large_discount", "credit_exceeded");
    }

    @Test
    void aRuleWithoutConditionAlwaysFires() {
        CompiledRules rules = engine.rules("k", Records.ruleSet(null,
                "[{\"type\": \"set_field\", \"field\": \"checked\", \"value\": true}]"));

        assertThat(rules.run(Records.facts(Map.of())).effects())
                .containsExactly(new Effect.SetField("checked", true));
    }

    @Test
    void aSetFieldIsSeenByLaterRulesAndDoesNotRetriggerItself() {
        String json = """
                {"key": "calc", "name": {"zh-CN": "计算", "en": "Calc"}, "form": "order",
                 "trigger": {"type": "before_save"},
                 "rules": [
                   {"key": "grade", "name": {"zh-CN": "a", "en": "a"}, "priority": 5,
                    "condition": {"field": "total", "op": "gte", "value": 1000},
                    "actions": [{"type": "set_field", "field": "grade", "value": "big"}]},
                   {"key": "flag", "name": {"zh-CN": "b", "en": "b"},
                    "condition": {"field": "grade", "op": "eq", "value": "big"},
                    "actions": [{"type": "set_field", "field": "review", "expression": "total * 2"}]}
                 ]}
                """;

        RuleRun run = engine.rules("calc", json).run(Records.facts(Map.of("total", 1000)));

        assertThat(run.fired()).extracting(RuleRun.Fired::ruleKey).containsExactly("grade", "flag");
        assertThat(run.effects()).containsExactly(new Effect.SetField("grade", "big"),
                new Effect.SetField("review", new BigDecimal("2000")));
    }

    @Test
    void aRuleChangingWhatItReadsFiresOnceThanksToNoLoop() {
        CompiledRules rules = engine.rules("k", Records.ruleSet("{\"field\": \"total\", \"op\": \"gt\", \"value\": 0}",
                "[{\"type\": \"set_field\", \"field\": \"total\", \"expression\": \"total + 1\"}]"));

        assertThat(rules.run(Records.facts(Map.of("total", 5))).effects())
                .containsExactly(new Effect.SetField("total", new BigDecimal("6")));
    }

    @Test
    void sameCacheKeyGivesTheSameKieBaseAndANewVersionANewOne() {
        String json = Records.fixture("rules/order-checks.rules.json");

        CompiledRules first = engine.rules("dms/order_checks/3:abc", json);
        CompiledRules again = engine.rules("dms/order_checks/3:abc", json);
        CompiledRules next = engine.rules("dms/order_checks/4:def", json);

        assertThat(again).isSameAs(first);
        assertThat(again.kieBase()).isSameAs(first.kieBase());
        assertThat(next.kieBase()).isNotSameAs(first.kieBase());
    }

    @Test
    void forgettingAKeyCompilesAgain() {
        String json = Records.fixture("rules/order-checks.rules.json");
        CompiledRules first = engine.rules("dms/order_checks/3", json);

        engine.forget("dms/order_checks/3");

        assertThat(engine.rules("dms/order_checks/3", json)).isNotSameAs(first);
    }

    @Test
    void eachRunIsIndependentOfEarlierRuns() {
        CompiledRules rules = engine.rules("dms/order_checks/1", Records.fixture("rules/order-checks.rules.json"));
        Map<String, Object> over = Map.of("total", 120_000, "status", "open", "remark", "x",
                "dealer", Map.of("credit_limit", 1));
        Map<String, Object> under = Map.of("total", 10, "status", "open", "remark", "x",
                "dealer", Map.of("credit_limit", 100));

        assertThat(rules.run(Records.facts(over)).fired()).hasSize(1);
        assertThat(rules.run(Records.facts(under)).fired()).isEmpty();
        assertThat(List.of(rules.run(Records.facts(over)).fired().size())).containsExactly(1);
    }
}
