package io.mosaic.runtime.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.api.FormKind;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.form.model.FormModel;
import io.mosaic.rule.api.RuleSetKind;
import io.mosaic.runtime.form.FormPublishCheck;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.web.ApiException;

/**
 * On a rule set's publish: each {@code exists} condition must search a form the app has published, by fields of it a
 * list filters by, and its {@code when} read only that form's fields. Refused with 422 at the pointer of what is
 * wrong; the rule set kind alone cannot know the app's forms.
 */
@Component
class RulePublishCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetadataService metadata;

    RulePublishCheck(MetadataService metadata) {
        this.metadata = metadata;
    }

    @EventListener
    @Order(0)
    void onPublished(DefinitionPublished published) {
        if (!RuleSetKind.KEY.equals(published.kind())) {
            return;
        }
        JsonNode rules;
        try {
            rules = JSON.readTree(published.content()).path("rules");
        } catch (JsonProcessingException e) {
            return; // the rule set kind has refused it already
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            check(published.appKey(), rules.get(i).path("condition"), "/rules/" + i + "/condition", problems);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidDefinition("The rule set '" + published.key() + "' searches what the app does "
                    + "not have", problems);
        }
    }

    private void check(String app, JsonNode condition, String at, List<DefinitionProblem> problems) {
        for (String group : List.of("all", "any")) {
            JsonNode children = condition.path(group);
            for (int i = 0; i < children.size(); i++) {
                check(app, children.get(i), at + "/" + group + "/" + i, problems);
            }
        }
        if (condition.has("not")) {
            check(app, condition.get("not"), at + "/not", problems);
        }
        if (condition.has("exists")) {
            exists(app, condition.get("exists"), at + "/exists", problems);
        }
    }

    private void exists(String app, JsonNode exists, String at, List<DefinitionProblem> problems) {
        String key = exists.path("form").asText();
        Optional<FormModel> form = metadata.latestPublished(app, FormKind.KEY, key)
                .map(version -> FormModel.read(key, version.content()));
        if (form.isEmpty()) {
            problems.add(DefinitionProblem.at(at + "/form", "The app has no published form '" + key + "'; publish it first"));
            return;
        }
        JsonNode where = exists.path("where");
        for (int i = 0; i < where.size(); i++) {
            String field = where.get(i).path("field").asText();
            if (form.get().field(field).filter(FormPublishCheck::matchable).isEmpty()) {
                problems.add(DefinitionProblem.at(at + "/where/" + i + "/field", "The form '" + key + "' has no field '"
                        + field + "' to search by"));
            }
        }
        if (exists.path("when").isTextual()) {
            try {
                for (String path : Formula.parse(exists.get("when").asText()).references()) {
                    if (form.get().field(path.split("\\.", 2)[0]).isEmpty()) {
                        problems.add(DefinitionProblem.at(at + "/when", "The formula reads '" + path
                                + "', which is not a field of the form '" + key + "'"));
                    }
                }
            } catch (FormulaException e) {
                // the rule set kind has refused it already
            }
        }
    }
}
