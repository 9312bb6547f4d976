package io.mosaic.report.api;

import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetKindTest {

    private final DatasetKind kind = new DatasetKind();

    @Test
    void acceptsDatasetOverSubtableAndLookup() {
        assertThat(kind.validate("sales", Fixtures.read("dataset/dealer-sales.dataset.json"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "duplicate-measure-key.dataset.json, /measures/4/key",
            "sum-without-field.dataset.json, /measures/0/field",
            "measure-with-aggregation-and-expression.dataset.json, /measures/3",
            "expression-over-unknown-measure.dataset.json, /measures/3/expression",
            "field-through-unjoined-lookup.dataset.json, /dimensions/0/field",
            "sort-by-unknown-key.dataset.json, /sort/0/key",
            "top-without-sort.dataset.json, /top",
            "unknown-aggregation.dataset.json, /measures/0/aggregation",
            "bucket-and-hierarchy.dataset.json, /dimensions/2",
            "filter-without-value.dataset.json, /filters/0/value",
            "last-n-days-without-days.dataset.json, /filters/1/days",
            "no-measures.dataset.json, /measures",
    })
    void refusesInvalidDatasetAtPointer(String fixture, String pointer) {
        List<DefinitionProblem> problems = kind.validate("sales", Fixtures.read("dataset/" + fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(pointer);
    }

    @Test
    void namesTheUnknownMeasureOfAnExpression() {
        assertThat(kind.validate("sales", Fixtures.read("dataset/expression-over-unknown-measure.dataset.json")))
                .singleElement().extracting(DefinitionProblem::message).asString().startsWith("'visits'");
    }
}
