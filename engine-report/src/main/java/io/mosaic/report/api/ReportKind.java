package io.mosaic.report.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports ({@code *.report.json}): which dimensions and measures of a dataset to show, as which
 * {@link ChartType}, formatted how. Whether the named dimensions and measures exist in the dataset
 * is checked where both definitions are known, not here.
 */
public final class ReportKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "report";

    public ReportKind() {
        super(KEY, ".report.json", new LocalizedText("报表", "Report"), "report.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode report) {
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode chart = report.path("chart");
        ChartType type = ChartType.of(chart.path("type").asText()).orElseThrow();
        int dimensions = report.path("dimensions").size();
        int measures = report.path("measures").size();
        if (!type.showsDimensions(dimensions)) {
            problems.add(DefinitionProblem.at("/dimensions", "A " + type.key() + " chart shows "
                    + type.dimensionRange() + " dimensions, not " + dimensions));
        }
        if (!type.showsMeasures(measures)) {
            problems.add(DefinitionProblem.at("/measures", "A " + type.key() + " chart shows "
                    + type.measureRange() + " measures, not " + measures));
        }
        chart.fieldNames().forEachRemaining(option -> {
            if (!option.equals("type") && !type.takesOption(option)) {
                problems.add(DefinitionProblem.at("/chart/" + option, "A " + type.key() + " chart has no option "
                        + option));
            }
        });
        if (chart.has("min") && chart.has("max") && chart.get("min").decimalValue().compareTo(chart.get("max").decimalValue()) >= 0) {
            problems.add(DefinitionProblem.at("/chart/max", "The gauge's maximum must be above its minimum"));
        }
        return problems;
    }
}
