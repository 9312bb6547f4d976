package io.mosaic.rule.api;

import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionTableKindTest {

    private final DecisionTableKind kind = new DecisionTableKind();

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"tiered-rebate.decision.json", "priority-rebate.decision.json",
            "collect-sum-rebate.decision.json"})
    void acceptsEachHitPolicy(String fixture) {
        assertThat(kind.validate("rebate", Fixtures.read("decision/" + fixture))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "row-missing-input-cell.decision.json, /rows/1/inputs",
            "row-with-extra-output.decision.json, /rows/0/outputs",
            "collect-without-aggregation.decision.json, /aggregation",
            "aggregation-on-first-hit.decision.json, /aggregation",
            "sum-of-text-output.decision.json, /outputs/1/type",
            "priority-row-without-priority.decision.json, /rows/2/priority",
            "range-upper-below-lower.decision.json, /rows/1/inputs/0/max",
            "text-cell-on-number-input.decision.json, /rows/0/inputs/0",
            "ordering-on-text-input.decision.json, /rows/2/inputs/1/op",
            "between-without-max.decision.json, /rows/1/inputs/0/max",
            "unknown-hit-policy.decision.json, /hitPolicy",
            "output-value-of-wrong-type.decision.json, /rows/2/outputs/0",
            "duplicate-column-key.decision.json, /outputs/0/key",
    })
    void refusesInvalidTableAtPointer(String fixture, String pointer) {
        List<DefinitionProblem> problems = kind.validate("rebate", Fixtures.read("decision/" + fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(pointer);
    }

    @Test
    void namesTheRowWhoseCellsDoNotMatchTheColumns() {
        assertThat(kind.validate("rebate", Fixtures.read("decision/row-missing-input-cell.decision.json")))
                .containsExactly(DefinitionProblem.at("/rows/1/inputs",
                        "The row 2 (silver) has 1 input cells but the table has 2 inputs"));
    }

    @Test
    void isRegisteredForServiceLoading() {
        assertThat(DefinitionKinds.load().forFileName("rebate_policy.decision.json"))
                .containsInstanceOf(DecisionTableKind.class);
    }
}
