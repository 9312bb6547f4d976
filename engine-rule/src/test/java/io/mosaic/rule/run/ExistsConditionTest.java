package io.mosaic.rule.run;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.rule.api.RuleSetKind;
import io.mosaic.form.formula.FormulaContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code exists}: a condition over other records, asked of the finder, with the first match named for messages. */
class ExistsConditionTest {

    private static final String COLLISION = """
            {"exists": {"form": "opportunity", "excludeSelf": true, "as": "conflict",
                        "where": [{"field": "customer_code", "op": "eq", "expression": "customer_code"},
                                  {"field": "dealer_code", "op": "ne", "expression": "dealer_code"}],
                        "when": "DATEDIF(registered_on, TODAY(), \\"d\\") <= protection_days"}}""";
    private static final String REJECT = """
            [{"type": "reject", "field": "customer_code",
              "message": {"zh-CN": "已被报备：{conflict.number}", "en": "Registered as {conflict.number}"}}]""";

    private final RuleEngine engine = new RuleEngine();
    private final List<List<RecordFinder.Criterion>> asked = new ArrayList<>();

    /** Two registrations of customer C1 by other dealers: an expired one (newest), then one still protected. */
    private final RecordFinder finder = (form, where, excludeSelf, limit) -> {
        asked.add(where);
        assertThat(form).isEqualTo("opportunity");
        assertThat(excludeSelf).isTrue();
        if (!where.get(0).value().equals("C1")) {
            return List.of();
        }
        return List.of(
                Records.record(Map.of("number", "OP-2026-000009", "registered_on", "2025-01-01", "protection_days", 90)),
                Records.record(Map.of("number", "OP-2026-000003", "registered_on", "2026-03-01", "protection_days", 90)));
    };

    @Test
    void holdsForAnotherRecordMeetingEveryCriterionAndTheCandidateFormulaAndNamesIt() {
        CompiledRules rules = engine.rules("collision", Records.ruleSet(COLLISION, REJECT));

        RuleRun run = rules.run(facts(Map.of("customer_code", "C1", "dealer_code", "D1")));

        assertThat(run.effects()).containsExactly(new Effect.Reject("customer_code",
                new io.mosaic.api.definition.LocalizedText("已被报备：OP-2026-000003", "Registered as OP-2026-000003")));
        assertThat(asked).containsExactly(List.of(new RecordFinder.Criterion("customer_code", "eq", "C1"),
                new RecordFinder.Criterion("dealer_code", "ne", "D1")));
    }

    @Test
    void holdsForNoOtherRecordNorWhenACriterionIsBlankNorWithoutAFinder() {
        CompiledRules rules = engine.rules("collision", Records.ruleSet(COLLISION, REJECT));

        assertThat(rules.run(facts(Map.of("customer_code", "C2", "dealer_code", "D1"))).fired()).isEmpty();
        assertThat(rules.run(facts(Map.of("customer_code", "", "dealer_code", "D1"))).fired()).isEmpty();
        assertThat(asked).hasSize(1);
        assertThat(rules.run(Records.facts(Map.of("customer_code", "C1", "dealer_code", "D1"))).fired()).isEmpty();
    }

    @Test
    void aLiteralCriterionIsPassedAsItIs() {
        CompiledRules rules = engine.rules("literal", Records.ruleSet("""
                {"exists": {"form": "opportunity", "where": [{"field": "customer_code", "op": "eq", "value": "C1"},
                                                             {"field": "amount", "op": "gte", "value": 5}]}}""",
                "[{\"type\": \"set_field\", \"field\": \"hit\", \"value\": true}]"));
        RecordFinder any = (form, where, excludeSelf, limit) -> {
            asked.add(where);
            return List.of(Records.record(Map.of()));
        };

        assertThat(rules.run(new RuleFacts(Records.record(Map.of()), null, null, null, any)).fired()).hasSize(1);
        assertThat(asked).containsExactly(List.of(new RecordFinder.Criterion("customer_code", "eq", "C1"),
                new RecordFinder.Criterion("amount", "gte", BigDecimal.valueOf(5))));
    }

    @Test
    void theKindRefusesACriterionWithBothOrNeitherValueAndExpressionAtItsPointer() {
        String both = """
                {"exists": {"form": "opportunity", "where": [{"field": "customer_code", "op": "eq", "value": "C1",
                                                              "expression": "customer_code"}, {"field": "x", "op": "eq"}]}}""";

        assertThat(new RuleSetKind().validate("checks", Records.ruleSet(both, REJECT)))
                .extracting(DefinitionProblem::pointer)
                .containsExactly("/rules/0/condition/exists/where/0", "/rules/0/condition/exists/where/1");
    }

    private RuleFacts facts(Map<String, ?> values) {
        return new RuleFacts(Records.record(values), null, null, null, finder);
    }
}
