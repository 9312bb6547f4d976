package io.mosaic.report.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportKindTest {

    private final ReportKind kind = new ReportKind();

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"dealer-ranking-bar.report.json", "sales-kpi.report.json", "target-gauge.report.json"})
    void acceptsReports(String fixture) {
        assertThat(kind.validate("ranking", Fixtures.read("report/" + fixture))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "unknown-chart-type.report.json, /chart/type",
            "pie-with-two-measures.report.json, /measures",
            "kpi-with-dimension.report.json, /dimensions",
            "scatter-with-one-measure.report.json, /measures",
            "stacked-pie.report.json, /chart/stacked",
            "no-measures.report.json, /measures",
            "bad-colour.report.json, /format/colors/1",
            "gauge-max-below-min.report.json, /chart/max",
    })
    void refusesInvalidReportAtPointer(String fixture, String pointer) {
        List<DefinitionProblem> problems = kind.validate("ranking", Fixtures.read("report/" + fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(pointer);
    }

    @Test
    void saysHowManyMeasuresTheChartShows() {
        assertThat(kind.validate("ranking", Fixtures.read("report/pie-with-two-measures.report.json")))
                .containsExactly(DefinitionProblem.at("/measures", "A pie chart shows 1 measures, not 2"));
    }

    @Test
    void schemaListsExactlyTheChartTypes() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/report.schema.json")) {
            JsonNode types = new ObjectMapper().readTree(in).at("/properties/chart/properties/type/enum");
            assertThat(types).extracting(JsonNode::asText)
                    .containsExactly(Arrays.stream(ChartType.values()).map(ChartType::key).toArray(String[]::new));
        }
    }
}
