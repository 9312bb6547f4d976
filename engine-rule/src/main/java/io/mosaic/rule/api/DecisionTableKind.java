package io.mosaic.rule.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.definition.UniqueKeys;
import io.mosaic.rule.run.DecisionCoverage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decision tables ({@code *.decision.json}): typed input and output columns, rows of input cells
 * (any, comparisons, ranges, lists) and output values, and a hit policy: {@code first},
 * {@code priority} (the matching row with the highest priority) or {@code collect} with an
 * aggregation (sum, min, max, list). A table whose rows are otherwise valid is also checked for gaps and
 * overlaps ({@link DecisionCoverage}).
 */
public final class DecisionTableKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "decision";

    private static final Set<String> NUMERIC_AGGREGATIONS = Set.of("sum", "min", "max");
    private static final Set<String> ORDERING_OPS = Set.of("gt", "gte", "lt", "lte", "between");

    public DecisionTableKind() {
        super(KEY, ".decision.json", new LocalizedText("决策表", "Decision table"), "decision.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode table) {
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode inputs = table.path("inputs");
        JsonNode outputs = table.path("outputs");
        UniqueKeys columns = new UniqueKeys("column", problems);
        for (int i = 0; i < inputs.size(); i++) {
            columns.add(inputs.get(i).path("key").asText(), "/inputs/" + i + "/key");
        }
        for (int o = 0; o < outputs.size(); o++) {
            columns.add(outputs.get(o).path("key").asText(), "/outputs/" + o + "/key");
        }
        checkHitPolicy(table, outputs, problems);
        UniqueKeys rowKeys = new UniqueKeys("row", problems);
        JsonNode rows = table.path("rows");
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = "/rows/" + r;
            if (row.has("key")) {
                rowKeys.add(row.get("key").asText(), at + "/key");
            }
            checkRow(row, at, rowName(row, r), table.path("hitPolicy").asText(), inputs, outputs, problems);
        }
        if (problems.isEmpty()) {
            problems.addAll(DecisionCoverage.problems(table));
        }
        return problems;
    }

    private static void checkHitPolicy(JsonNode table, JsonNode outputs, List<DefinitionProblem> problems) {
        boolean collect = "collect".equals(table.path("hitPolicy").asText());
        if (collect && !table.has("aggregation")) {
            problems.add(DefinitionProblem.at("/aggregation", "A collect table needs an aggregation: sum, min, max or list"));
        } else if (!collect && table.has("aggregation")) {
            problems.add(DefinitionProblem.at("/aggregation", "Only a collect table aggregates its hits"));
        }
        if (collect && NUMERIC_AGGREGATIONS.contains(table.path("aggregation").asText())) {
            for (int o = 0; o < outputs.size(); o++) {
                if (!"number".equals(outputs.get(o).path("type").asText())) {
                    problems.add(DefinitionProblem.at("/outputs/" + o + "/type", "The " + table.get("aggregation").asText()
                            + " of hits needs number outputs"));
                }
            }
        }
    }

    private static void checkRow(JsonNode row, String at, String name, String hitPolicy, JsonNode inputs,
                                 JsonNode outputs, List<DefinitionProblem> problems) {
        JsonNode cells = row.path("inputs");
        JsonNode values = row.path("outputs");
        if (cells.size() != inputs.size()) {
            problems.add(DefinitionProblem.at(at + "/inputs", "The " + name + " has " + cells.size()
                    + " input cells but the table has " + inputs.size() + " inputs"));
        }
        if (values.size() != outputs.size()) {
            problems.add(DefinitionProblem.at(at + "/outputs", "The " + name + " has " + values.size()
                    + " output values but the table has " + outputs.size() + " outputs"));
        }
        if ("priority".equals(hitPolicy) && !row.has("priority")) {
            problems.add(DefinitionProblem.at(at + "/priority", "The " + name + " needs a priority: the table's hit "
                    + "policy is priority"));
        }
        for (int c = 0; c < Math.min(cells.size(), inputs.size()); c++) {
            checkCell(cells.get(c), at + "/inputs/" + c, name, inputs.get(c), problems);
        }
        for (int v = 0; v < Math.min(values.size(), outputs.size()); v++) {
            String type = outputs.get(v).path("type").asText();
            if (!fits(values.get(v), type)) {
                problems.add(DefinitionProblem.at(at + "/outputs/" + v, "The " + name + " gives "
                        + values.get(v) + " for the " + type + " output " + outputs.get(v).path("key").asText()));
            }
        }
    }

    private static void checkCell(JsonNode cell, String at, String rowName, JsonNode input,
                                  List<DefinitionProblem> problems) {
        String type = input.path("type").asText();
        String op = cell.path("op").asText();
        String column = input.path("key").asText();
        if (ORDERING_OPS.contains(op) && ("boolean".equals(type) || "text".equals(type))) {
            problems.add(DefinitionProblem.at(at + "/op", "The " + rowName + " compares the " + type + " input "
                    + column + " with " + op + "; use eq, ne or in"));
        }
        List<JsonNode> operands = new ArrayList<>();
        for (String member : List.of("value", "min", "max")) {
            if (cell.has(member)) {
                operands.add(cell.get(member));
            }
        }
        cell.path("values").forEach(operands::add);
        for (JsonNode operand : operands) {
            if (!fits(operand, type)) {
                problems.add(DefinitionProblem.at(at, "The " + rowName + " tests the " + type + " input " + column
                        + " against " + operand));
                return;
            }
        }
        if ("between".equals(op) && compare(cell.get("min"), cell.get("max"), type) > 0) {
            problems.add(DefinitionProblem.at(at + "/max", "The " + rowName + " has a range for " + column
                    + " whose upper bound is below its lower bound"));
        }
    }

    private static boolean fits(JsonNode value, String type) {
        return switch (type) {
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "date" -> value.isTextual() && isDate(value.asText());
            default -> value.isTextual();
        };
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static int compare(JsonNode a, JsonNode b, String type) {
        return "number".equals(type) ? a.decimalValue().compareTo(b.decimalValue()) : a.asText().compareTo(b.asText());
    }

    private static String rowName(JsonNode row, int index) {
        return "row " + (index + 1) + (row.has("key") ? " (" + row.get("key").asText() + ")" : "");
    }
}
