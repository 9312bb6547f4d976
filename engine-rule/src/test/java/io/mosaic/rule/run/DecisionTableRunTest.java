package io.mosaic.rule.run;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionTableRunTest {

    private final RuleEngine engine = new RuleEngine();

    private CompiledDecision table(String fixture) {
        return engine.decision(fixture, Records.fixture("decision/" + fixture));
    }

    @Test
    void firstHitTakesTheUppermostMatchingRow() {
        DecisionResult result = table("tiered-rebate.decision.json")
                .evaluate(Map.of("quarter_sales", 1_200_000, "level", "A"));

        assertThat(result).isEqualTo(new DecisionResult(List.of(0),
                Map.of("rate", new BigDecimal("0.05"), "tier", "gold")));
    }

    @Test
    void firstHitFallsThroughToTheCatchAllRow() {
        assertThat(table("tiered-rebate.decision.json").evaluate(Map.of("quarter_sales", 100, "level", "D")).outputs())
                .containsEntry("tier", "none");
    }

    @Test
    void priorityHitTakesTheHighestPriorityAmongMatches() {
        DecisionResult result = table("priority-rebate.decision.json")
                .evaluate(Map.of("quarter_sales", 600_000, "level", "B"));

        assertThat(result.matchedRows()).containsExactly(1);
        assertThat(result.outputs()).containsEntry("tier", "silver");
    }

    @Test
    void collectSumAddsEveryMatchingRow() {
        String json = Records.fixture("decision/collect-sum-rebate.decision.json")
                .replace("\"op\": \"lt\",\n          \"value\": 500000", "\"op\": \"lt\",\n          \"value\": 5000000");
        CompiledDecision table = engine.decision("collect", json);

        DecisionResult result = table.evaluate(Map.of("quarter_sales", 1_500_000, "level", "A",
                "signed_on", "2026-02-01"));

        assertThat(result.matchedRows()).containsExactly(0, 2);
        assertThat(result.outputs()).containsEntry("rate", new BigDecimal("0.06"));
    }

    @Test
    void collectSumOfNoHitIsZero() {
        DecisionResult result = table("collect-sum-rebate.decision.json")
                .evaluate(Map.of("quarter_sales", 1_500_000, "level", "A", "signed_on", "2025-02-01"));

        assertThat(result).isEqualTo(new DecisionResult(List.of(), Map.of("rate", BigDecimal.ZERO)));
    }

    @Test
    void collectMinMaxAndListAggregateTheHits() {
        String base = Records.fixture("decision/collect-sum-rebate.decision.json")
                .replace("\"op\": \"lt\",\n          \"value\": 500000", "\"op\": \"lt\",\n          \"value\": 5000000");
        Map<String, Object> inputs = Map.of("quarter_sales", 1_500_000, "level", "A", "signed_on", "2026-02-01");

        assertThat(engine.decision("min", base.replace("\"sum\"", "\"min\"")).evaluate(inputs).outputs())
                .containsEntry("rate", new BigDecimal("0.01"));
        assertThat(engine.decision("max", base.replace("\"sum\"", "\"max\"")).evaluate(inputs).outputs())
                .containsEntry("rate", new BigDecimal("0.05"));
        assertThat(engine.decision("list", base.replace("\"sum\"", "\"list\"")).evaluate(inputs).outputs())
                .containsEntry("rate", List.of(new BigDecimal("0.05"), new BigDecimal("0.01")));
    }

    @Test
    void inputsAreComputedFromTheRecordByTheirFormulas() {
        CompiledDecision table = table("tiered-rebate.decision.json");

        DecisionResult result = table.evaluate(Records.record(Map.of("total", List.of(400_000, 700_000),
                "dealer", Map.of("level", "B"))));

        assertThat(result.outputs()).containsEntry("tier", "gold");
    }

    @Test
    void aBatchGivesTheSameResultsAsOneByOne() {
        CompiledDecision table = table("tiered-rebate.decision.json");
        List<io.mosaic.form.formula.FormulaContext> records = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            records.add(Records.record(Map.of("total", List.of(i * 300), "dealer", Map.of("level", "ABCD".substring(i % 4, i % 4 + 1)))));
        }

        List<DecisionResult> batch = table.evaluateAll(records);

        for (int i = 0; i < records.size(); i += 97) {
            assertThat(batch.get(i)).isEqualTo(table.evaluate(records.get(i)));
        }
    }

    @Test
    void theSamplePacksRebatePolicyCompilesAndTiers() {
        CompiledDecision table = engine.decision("dms/rebate_policy/1", Records.fixture(
                "packs/dms/rebate_policy.decision.json"));

        assertThat(table.evaluate(Map.of("quarter_sales", 3_000_000, "dealer_level", "C")).outputs())
                .containsEntry("tier", "gold");
        assertThat(table.drl()).contains("rule \"row_3\"").doesNotContain("gold", "platinum", "dealer");
    }
}
