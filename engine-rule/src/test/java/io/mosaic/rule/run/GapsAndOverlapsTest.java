package io.mosaic.rule.run;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.rule.api.DecisionTableKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Gap and overlap detection as part of a decision table's problems on save. */
class GapsAndOverlapsTest {

    private final DecisionTableKind kind = new DecisionTableKind();

    private static String table(String hitPolicy, String rows) {
        return """
                {"key": "rebate", "name": {"zh-CN": "返利", "en": "Rebate"}, "hitPolicy": "%s",
                 "inputs": [
                   {"key": "quarter_sales", "label": {"zh-CN": "销售额", "en": "Sales"}, "type": "number", "expression": "sales"},
                   {"key": "dealer_level", "label": {"zh-CN": "等级", "en": "Level"}, "type": "text", "expression": "level"}],
                 "outputs": [{"key": "rate", "label": {"zh-CN": "比例", "en": "Rate"}, "type": "number"}],
                 "rows": [%s]}
                """.formatted(hitPolicy, rows);
    }

    private static String row(String key, String sales, String level, Integer priority) {
        return "{\"key\": \"" + key + "\"" + (priority == null ? "" : ", \"priority\": " + priority)
                + ", \"inputs\": [" + sales + ", " + level + "], \"outputs\": [0.01]}";
    }

    private static final String ANY = "{\"op\": \"any\"}";

    @Test
    void aRangeTableFromZeroUpHasAGapBelowZero() {
        String rows = String.join(",",
                row("low", "{\"op\": \"between\", \"min\": 0, \"max\": 100000, \"maxInclusive\": false}", ANY, null),
                row("high", "{\"op\": \"gte\", \"value\": 100000}", ANY, null));

        assertThat(kind.validate("rebate", table("first", rows))).containsExactly(DefinitionProblem.at("/rows",
                "No row covers quarter_sales < 0; add a row for it, or a last row with every input any"));
    }

    @Test
    void aHoleBetweenTwoRangesAndAMissingTextValueAreNamed() {
        String rows = String.join(",",
                row("low", "{\"op\": \"lt\", \"value\": 100000}", ANY, null),
                row("high", "{\"op\": \"gt\", \"value\": 150000}", ANY, null),
                row("mid_a", "{\"op\": \"between\", \"min\": 100000, \"max\": 150000}", "{\"op\": \"eq\", \"value\": \"A\"}", null));

        assertThat(kind.validate("rebate", table("first", rows))).extracting(DefinitionProblem::message)
                .containsExactly("No row covers quarter_sales 100000–150000 and dealer_level other than 'A'; add a row "
                        + "for it, or a last row with every input any");
    }

    @Test
    void aSingleUncoveredPointIsNamed() {
        String rows = String.join(",",
                row("low", "{\"op\": \"lt\", \"value\": 100}", ANY, null),
                row("high", "{\"op\": \"gt\", \"value\": 100}", ANY, null));

        assertThat(kind.validate("rebate", table("first", rows))).extracting(DefinitionProblem::message)
                .containsExactly("No row covers quarter_sales = 100; add a row for it, or a last row with every input any");
    }

    @Test
    void overlappingRowsOfEqualPriorityAreNamedWithTheSharedValues() {
        String rows = String.join(",",
                row("base", "{\"op\": \"lt\", \"value\": 100000}", ANY, 1),
                row("silver", "{\"op\": \"between\", \"min\": 100000, \"max\": 200000, \"maxInclusive\": false}",
                        "{\"op\": \"in\", \"values\": [\"A\", \"B\"]}", 1),
                row("gold", "{\"op\": \"between\", \"min\": 150000, \"max\": 300000}", "{\"op\": \"eq\", \"value\": \"A\"}", 1),
                row("rest", ANY, ANY, 0));

        List<DefinitionProblem> problems = kind.validate("rebate", table("priority", rows));

        assertThat(problems).containsExactly(DefinitionProblem.at("/rows/2", "Rows 2 (silver) and 3 (gold) overlap for "
                + "quarter_sales 150000 to under 200000 and dealer_level 'A' with the same priority 1; give one of "
                + "them a higher priority"));
    }

    @Test
    void overlapsOfDifferentPriorityAreFine() {
        String rows = String.join(",",
                row("gold", "{\"op\": \"gte\", \"value\": 100}", ANY, 2),
                row("rest", ANY, ANY, 1));

        assertThat(kind.validate("rebate", table("priority", rows))).isEmpty();
    }

    @Test
    void underFirstHitAnOverlapIsTheOrderButARowCoveredByAnUpperRowNeverApplies() {
        String rows = String.join(",",
                row("wide", "{\"op\": \"gte\", \"value\": 0}", ANY, null),
                row("narrow", "{\"op\": \"between\", \"min\": 10, \"max\": 20}", "{\"op\": \"eq\", \"value\": \"A\"}", null),
                row("rest", ANY, ANY, null));

        assertThat(kind.validate("rebate", table("first", rows))).containsExactly(DefinitionProblem.at("/rows/1",
                "Row 2 (narrow) never applies: row 1 (wide) above it matches every case it does"));
    }

    @Test
    void collectTablesMayOverlapAndLeaveGaps() {
        String rows = String.join(",",
                row("a", "{\"op\": \"gte\", \"value\": 0}", ANY, null),
                row("b", "{\"op\": \"gte\", \"value\": 10}", "{\"op\": \"ne\", \"value\": \"D\"}", null));

        assertThat(kind.validate("rebate", table("collect", rows).replace("\"hitPolicy\": \"collect\"",
                "\"hitPolicy\": \"collect\", \"aggregation\": \"sum\""))).isEmpty();
    }

    @Test
    void theSamplePacksRebatePolicyHasNoGapsNorOverlapsThatMatter() {
        assertThat(kind.validate("rebate_policy", Records.fixture("packs/dms/rebate_policy.decision.json"))).isEmpty();
    }
}
