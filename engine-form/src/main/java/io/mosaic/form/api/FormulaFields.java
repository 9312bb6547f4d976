package io.mosaic.form.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a form's expressions (formula fields, default formulas, {@code visibleWhen}, {@code requiredWhen}):
 * each parses and
 * reads only this form's fields — plain fields, {@code lookup.anyField}, {@code subtable.column}, and inside a
 * sub-table the other columns of its row by name — and no formula depends on its own value, directly or through
 * other formulas. A condition may read its own field.
 */
final class FormulaFields {

    /**
     * An expression and the field it belongs to, named as formulas read it: {@code total}, or {@code lines.amount}
     * for a column; {@code computed} for a formula field's own expression.
     */
    private record Site(String path, String pointer, Expression expression, Map<String, JsonNode> row, String rowPrefix,
                        boolean computed) {
    }

    private static final List<String> CONDITIONS = List.of("visibleWhen", "requiredWhen");

    private final Map<String, JsonNode> form;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final List<Site> expressions = new ArrayList<>();
    /** Formula fields by path, in the definition's order. */
    private final Map<String, Site> sites = new LinkedHashMap<>();

    private FormulaFields(JsonNode fields) {
        this.form = byKey(fields);
    }

    static List<DefinitionProblem> problems(JsonNode fields) {
        FormulaFields check = new FormulaFields(fields);
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            check.read(field, "/fields/" + i, Map.of(), "");
            JsonNode columns = field.path("columns");
            Map<String, JsonNode> row = byKey(columns);
            for (int c = 0; c < columns.size(); c++) {
                check.read(columns.get(c), "/fields/" + i + "/columns/" + c, row, field.path("key").asText() + ".");
            }
        }
        check.expressions.forEach(check::checkReferences);
        check.checkCycles();
        return check.problems;
    }

    private void read(JsonNode field, String at, Map<String, JsonNode> row, String rowPrefix) {
        String path = rowPrefix + field.path("key").asText();
        // A default formula computes its field as a formula field does, so it joins the loop check.
        String computed = FieldType.FORMULA.key().equals(field.path("type").asText()) ? "expression"
                : field.has("defaultExpression") ? "defaultExpression" : null;
        if (computed != null) {
            Site site = parse(field.path(computed), path, at + "/" + computed, row, rowPrefix, true);
            if (site != null) {
                sites.put(path, site);
            }
        }
        for (String condition : CONDITIONS) {
            parse(field.path(condition), path, at + "/" + condition, row, rowPrefix, false);
        }
    }

    private Site parse(JsonNode text, String path, String pointer, Map<String, JsonNode> row, String rowPrefix,
                       boolean computed) {
        if (!text.isTextual()) {
            return null;
        }
        try {
            Site site = new Site(path, pointer, Formula.parse(text.asText()), row, rowPrefix, computed);
            expressions.add(site);
            return site;
        } catch (FormulaException e) {
            problems.add(DefinitionProblem.at(pointer, (computed ? "The formula" : "The condition")
                    + " does not parse: " + e.getMessage()));
            return null;
        }
    }

    private void checkReferences(Site site) {
        for (String path : site.expression().references()) {
            referenceProblem(path, site).ifPresent(message -> problems.add(DefinitionProblem.at(site.pointer(), message)));
        }
    }

    private Optional<String> referenceProblem(String path, Site site) {
        if (site.computed() && resolve(path, site).equals(site.path())) {
            return Optional.of("The formula reads its own field '" + path + "'");
        }
        String[] parts = path.split("\\.");
        JsonNode head = site.row().containsKey(parts[0]) ? site.row().get(parts[0]) : form.get(parts[0]);
        FieldType type = head == null ? null : FieldType.of(head.path("type").asText()).orElse(null);
        if (type == null || parts.length > 2) {
            return Optional.of("The formula reads '" + path + "', which is not a field of this form");
        }
        if (parts.length == 1) {
            return type == FieldType.SUBTABLE
                    ? Optional.of("The formula reads the sub-table '" + path + "' as a whole; name a column, "
                    + "e.g. SUM(" + path + "." + head.path("columns").path(0).path("key").asText() + ")")
                    : Optional.empty();
        }
        if (type == FieldType.SUBTABLE) {
            return byKey(head.path("columns")).containsKey(parts[1]) ? Optional.empty()
                    : Optional.of("The formula reads '" + path + "', but the sub-table '" + parts[0]
                    + "' has no column '" + parts[1] + "'");
        }
        return type == FieldType.LOOKUP ? Optional.empty()
                : Optional.of("The formula reads '" + path + "', but '" + parts[0]
                + "' is neither a lookup nor a sub-table, so it has no fields");
    }

    /** The field a name in this site's formula means: a column of its own row comes before a form field. */
    private static String resolve(String path, Site site) {
        return !path.contains(".") && site.row().containsKey(path) ? site.rowPrefix() + path : path;
    }

    /** Reports each loop of formulas once, at the first formula of the loop in the definition's order. */
    private void checkCycles() {
        Map<String, Integer> state = new HashMap<>();
        for (String start : sites.keySet()) {
            List<String> loop = new ArrayList<>();
            if (findLoop(start, state, loop)) {
                Site first = sites.get(loop.get(0));
                problems.add(DefinitionProblem.at(first.pointer(), "The formulas " + String.join(" → ", loop)
                        + " depend on each other"));
            }
            state.replaceAll((path, seen) -> 2);
        }
    }

    /** Depth-first search; {@code state} 1 = on the current path, 2 = done. Leaves the loop in {@code trail}. */
    private boolean findLoop(String path, Map<String, Integer> state, List<String> trail) {
        Integer seen = state.get(path);
        if (seen != null) {
            if (seen == 1) {
                trail.subList(0, trail.indexOf(path)).clear();
                trail.add(path);
                return true;
            }
            return false;
        }
        state.put(path, 1);
        trail.add(path);
        Site site = sites.get(path);
        for (String reference : site.expression().references()) {
            String target = resolve(reference, site);
            if (!target.equals(path) && sites.containsKey(target) && findLoop(target, state, trail)) {
                return true;
            }
        }
        trail.remove(trail.size() - 1);
        state.put(path, 2);
        return false;
    }

    private static Map<String, JsonNode> byKey(JsonNode fields) {
        Map<String, JsonNode> byKey = new HashMap<>();
        fields.forEach(f -> byKey.putIfAbsent(f.path("key").asText(), f));
        return byKey;
    }
}
