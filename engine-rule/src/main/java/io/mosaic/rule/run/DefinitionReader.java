package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;

import java.util.ArrayList;
import java.util.List;

/** Reading helpers shared by the rule set and decision table compilers; problems are collected, not thrown. */
final class DefinitionReader {

    final List<DefinitionProblem> problems = new ArrayList<>();

    /** The formula at {@code pointer}, or null (with a problem) when it does not parse. */
    Expression formula(JsonNode text, String pointer) {
        try {
            return Formula.parse(text.asText());
        } catch (FormulaException e) {
            problems.add(DefinitionProblem.at(pointer, "The formula cannot be read: " + e.getMessage()));
            return null;
        }
    }

    static LocalizedText text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return new LocalizedText(node.path("zh-CN").asText(), node.path("en").asText());
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(element -> list.add(element.asText()));
        return List.copyOf(list);
    }

    void failIfAny() {
        if (!problems.isEmpty()) {
            throw new RuleCompileException(problems);
        }
    }
}
