package io.mosaic.form.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.api.definition.DefinitionProblem;

/**
 * What the schema cannot say about a form's {@code layout}: each placed key is a top-level field of the form, no
 * field is placed twice, and section and tab keys are unique. Sub-table columns are laid out inside their
 * sub-table, so they are not placed on their own.
 */
final class FormLayouts {

    private FormLayouts() {
    }

    static List<DefinitionProblem> problems(JsonNode form) {
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode layout = form.path("layout");
        if (!layout.isObject()) {
            return problems;
        }
        Set<String> fields = new HashSet<>();
        form.path("fields").forEach(field -> fields.add(field.path("key").asText()));
        Map<String, String> placed = new HashMap<>();
        Set<String> sectionKeys = new HashSet<>();
        JsonNode tabs = layout.path("tabs");
        Set<String> tabKeys = new HashSet<>();
        for (int t = 0; t < tabs.size(); t++) {
            String tabAt = "/layout/tabs/" + t;
            if (!tabKeys.add(tabs.get(t).path("key").asText())) {
                problems.add(DefinitionProblem.at(tabAt + "/key", "Another tab has the key '"
                        + tabs.get(t).path("key").asText() + "'"));
            }
            sections(tabs.get(t).path("sections"), tabAt + "/sections", fields, placed, sectionKeys, problems);
        }
        sections(layout.path("sections"), "/layout/sections", fields, placed, sectionKeys, problems);
        return problems;
    }

    private static void sections(JsonNode sections, String at, Set<String> fields, Map<String, String> placed,
                                 Set<String> sectionKeys, List<DefinitionProblem> problems) {
        for (int s = 0; s < sections.size(); s++) {
            JsonNode section = sections.get(s);
            String sectionAt = at + "/" + s;
            if (!sectionKeys.add(section.path("key").asText())) {
                problems.add(DefinitionProblem.at(sectionAt + "/key", "Another section has the key '"
                        + section.path("key").asText() + "'"));
            }
            JsonNode rows = section.path("rows");
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String key = row.get(c).asText();
                    String cellAt = sectionAt + "/rows/" + r + "/" + c;
                    if (!fields.contains(key)) {
                        problems.add(DefinitionProblem.at(cellAt, "'" + key + "' is not a field of this form"
                                + " outside its sub-tables"));
                    } else if (placed.putIfAbsent(key, cellAt) != null) {
                        problems.add(DefinitionProblem.at(cellAt, "The field '" + key + "' is placed twice; it is"
                                + " already at " + placed.get(key)));
                    }
                }
            }
        }
    }
}
