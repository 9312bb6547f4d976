package io.mosaic.runtime.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.api.FieldStorage;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.api.FormKind;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.form.formula.Lookup;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.web.ApiException;

/**
 * On a form's publish, before its tables change: every {@code LOOKUP} of its formulas, conditions and default
 * formulas must read a form the app has published (or this form itself), a field of it that holds one value, and
 * key fields a list can filter by. Refused with 422 at the expression's pointer, naming the call's position; the
 * form kind alone cannot know the app's other forms.
 */
@Component
public class FormPublishCheck {

    private static final List<String> EXPRESSIONS = List.of("expression", "visibleWhen", "requiredWhen",
            "defaultExpression");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetadataService metadata;

    FormPublishCheck(MetadataService metadata) {
        this.metadata = metadata;
    }

    @EventListener
    @Order(0)
    void onPublished(DefinitionPublished published) {
        if (!FormKind.KEY.equals(published.kind())) {
            return;
        }
        List<DefinitionProblem> problems = problems(published.appKey(), published.key(), published.content());
        if (!problems.isEmpty()) {
            throw ApiException.invalidDefinition("The form '" + published.key() + "' looks up what the app does not have",
                    problems);
        }
    }

    private List<DefinitionProblem> problems(String app, String key, String content) {
        FormModel self = FormModel.read(key, content);
        List<DefinitionProblem> problems = new ArrayList<>();
        lookups(content).forEach((pointer, lookups) -> lookups.forEach(lookup -> problem(app, self, lookup)
                .ifPresent(message -> problems.add(DefinitionProblem.at(pointer, "LOOKUP at character "
                        + (lookup.position() + 1) + ": " + message)))));
        return problems;
    }

    /** The forms a form's LOOKUPs read (a pack installs them first). */
    public static Set<String> lookedUpForms(String content) {
        Set<String> forms = new LinkedHashSet<>();
        lookups(content).values().forEach(lookups -> lookups.forEach(lookup -> forms.add(lookup.form())));
        return forms;
    }

    /** The LOOKUP calls of a form's expressions by the expression's pointer; what does not parse has none. */
    private static Map<String, List<Lookup>> lookups(String content) {
        Map<String, List<Lookup>> found = new LinkedHashMap<>();
        JsonNode fields;
        try {
            fields = JSON.readTree(content).path("fields");
        } catch (JsonProcessingException e) {
            return found; // the form kind has refused it already
        }
        for (int i = 0; i < fields.size(); i++) {
            lookups(fields.get(i), "/fields/" + i, found);
            JsonNode columns = fields.get(i).path("columns");
            for (int c = 0; c < columns.size(); c++) {
                lookups(columns.get(c), "/fields/" + i + "/columns/" + c, found);
            }
        }
        return found;
    }

    private static void lookups(JsonNode field, String at, Map<String, List<Lookup>> found) {
        for (String member : EXPRESSIONS) {
            if (field.path(member).isTextual()) {
                try {
                    List<Lookup> lookups = Formula.parse(field.path(member).asText()).lookups();
                    if (!lookups.isEmpty()) {
                        found.put(at + "/" + member, lookups);
                    }
                } catch (FormulaException e) {
                    // the form kind has refused it already
                }
            }
        }
    }

    private Optional<String> problem(String app, FormModel self, Lookup lookup) {
        Optional<FormModel> target = lookup.form().equals(self.key()) ? Optional.of(self)
                : metadata.latestPublished(app, FormKind.KEY, lookup.form())
                .map(version -> FormModel.read(lookup.form(), version.content()));
        if (target.isEmpty()) {
            return Optional.of("the app has no published form '" + lookup.form() + "'; publish it first");
        }
        Optional<FieldModel> field = target.get().field(lookup.field());
        if (field.isEmpty() || field.get().type() == FieldType.SUBTABLE) {
            return Optional.of("the form '" + lookup.form() + "' has no field '" + lookup.field() + "' to read");
        }
        for (String key : lookup.keys()) {
            Optional<FieldModel> keyField = target.get().field(key);
            if (keyField.isEmpty() || !matchable(keyField.get())) {
                return Optional.of("the form '" + lookup.form() + "' has no field '" + key + "' to match");
            }
        }
        return Optional.empty();
    }

    /** Whether a list filters by the field: one stored value, not a sub-table nor a JSON value (several options, files). */
    public static boolean matchable(FieldModel field) {
        return field.type() == FieldType.FORMULA
                || field.type().storage() != FieldStorage.JSON && field.type().storage() != FieldStorage.CHILD_TABLE;
    }
}
