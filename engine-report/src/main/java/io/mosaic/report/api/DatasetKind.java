package io.mosaic.report.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.definition.UniqueKeys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datasets ({@code *.dataset.json}): a source form with its sub-table rows and lookup targets,
 * filters, dimensions (with date buckets or org/region hierarchies) and measures (aggregations of a
 * field, or expressions over other measures such as ratios).
 */
public final class DatasetKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "dataset";

    private static final Set<String> WITHOUT_VALUE = Set.of("empty", "not_empty", "relative");
    // A name not followed by "(" is a measure reference; "SUM(" and the like are functions.
    private static final Pattern REFERENCE = Pattern.compile("\\b([a-z][a-z0-9_]*)\\b(?!\\s*\\()");

    public DatasetKind() {
        super(KEY, ".dataset.json", new LocalizedText("数据集", "Dataset"), "dataset.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode dataset) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Set<String> joined = joinedNames(dataset.path("source"));
        UniqueKeys columns = new UniqueKeys("dimension or measure", problems);
        JsonNode dimensions = dataset.path("dimensions");
        for (int i = 0; i < dimensions.size(); i++) {
            JsonNode dimension = dimensions.get(i);
            String at = "/dimensions/" + i;
            columns.add(dimension.path("key").asText(), at + "/key");
            checkFieldPath(dimension.path("field").asText(), at + "/field", joined, problems);
            if (dimension.has("bucket") && dimension.has("hierarchy")) {
                problems.add(DefinitionProblem.at(at, "A dimension is bucketed by date or rolled up a hierarchy, not both"));
            }
            if (dimension.has("level") && !dimension.has("hierarchy")) {
                problems.add(DefinitionProblem.at(at + "/level", "Only a hierarchy dimension has a level"));
            }
        }
        checkMeasures(dataset.path("measures"), joined, columns, problems);
        checkFilters(dataset.path("filters"), joined, problems);
        JsonNode sort = dataset.path("sort");
        for (int s = 0; s < sort.size(); s++) {
            String key = sort.get(s).path("key").asText();
            if (!columns.contains(key)) {
                problems.add(DefinitionProblem.at("/sort/" + s + "/key", "'" + key + "' is not a dimension or measure"));
            }
        }
        if (dataset.has("top") && sort.isEmpty()) {
            problems.add(DefinitionProblem.at("/top", "A top N needs a sort order that says what is top"));
        }
        return problems;
    }

    private static void checkMeasures(JsonNode measures, Set<String> joined, UniqueKeys columns,
                                      List<DefinitionProblem> problems) {
        Set<String> aggregated = new HashSet<>();
        for (JsonNode measure : measures) {
            if (measure.has("aggregation")) {
                aggregated.add(measure.path("key").asText());
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            JsonNode measure = measures.get(i);
            String at = "/measures/" + i;
            columns.add(measure.path("key").asText(), at + "/key");
            if (measure.has("aggregation") == measure.has("expression")) {
                problems.add(DefinitionProblem.at(at, "A measure either aggregates a field or computes an expression "
                        + "over other measures"));
                continue;
            }
            if (measure.has("expression")) {
                if (measure.has("field")) {
                    problems.add(DefinitionProblem.at(at + "/field", "A computed measure works on other measures, not "
                            + "on a field"));
                }
                checkMeasureReferences(measure.get("expression").asText(), at + "/expression", aggregated, problems);
            } else if (measure.has("field")) {
                checkFieldPath(measure.get("field").asText(), at + "/field", joined, problems);
            } else if (!"count".equals(measure.get("aggregation").asText())) {
                problems.add(DefinitionProblem.at(at + "/field", "A " + measure.get("aggregation").asText()
                        + " measure needs the field it aggregates"));
            }
        }
    }

    private static void checkMeasureReferences(String expression, String at, Set<String> aggregated,
                                               List<DefinitionProblem> problems) {
        Matcher name = REFERENCE.matcher(expression);
        while (name.find()) {
            if (!aggregated.contains(name.group(1))) {
                problems.add(DefinitionProblem.at(at, "'" + name.group(1) + "' is not an aggregated measure of this "
                        + "dataset"));
                return;
            }
        }
    }

    private static void checkFilters(JsonNode filters, Set<String> joined, List<DefinitionProblem> problems) {
        for (int i = 0; i < filters.size(); i++) {
            JsonNode filter = filters.get(i);
            String at = "/filters/" + i;
            String op = filter.path("op").asText();
            checkFieldPath(filter.path("field").asText(), at + "/field", joined, problems);
            if (!WITHOUT_VALUE.contains(op) && !filter.has("value")) {
                problems.add(DefinitionProblem.at(at + "/value", "The operator " + op + " needs a value"));
            }
            if (WITHOUT_VALUE.contains(op) && filter.has("value")) {
                problems.add(DefinitionProblem.at(at + "/value", "The operator " + op + " takes no value"));
            }
            if (!"relative".equals(op) && filter.has("relative")) {
                problems.add(DefinitionProblem.at(at + "/relative", "Only the relative operator takes a relative period"));
            }
        }
    }

    /** Sub-table and lookup names a field path may go through: {@code lines.amount}, {@code dealer.region}. */
    private static Set<String> joinedNames(JsonNode source) {
        Set<String> names = new HashSet<>();
        if (source.has("subtable")) {
            names.add(source.get("subtable").asText());
        }
        source.path("lookups").forEach(l -> names.add(l.asText()));
        return names;
    }

    private static void checkFieldPath(String path, String at, Set<String> joined, List<DefinitionProblem> problems) {
        int dot = path.indexOf('.');
        if (dot > 0 && !joined.contains(path.substring(0, dot))) {
            problems.add(DefinitionProblem.at(at, "'" + path.substring(0, dot) + "' is neither the source's sub-table "
                    + "nor one of its lookups"));
        }
    }
}
