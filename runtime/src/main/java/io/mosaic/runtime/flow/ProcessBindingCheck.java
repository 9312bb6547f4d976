package io.mosaic.runtime.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.flow.api.BindingProblem;
import io.mosaic.flow.api.FlowBindingKind;
import io.mosaic.flow.api.ProcessBindings;
import io.mosaic.flow.api.ProcessKind;
import io.mosaic.form.api.FormKind;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.DefinitionVersion;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.web.ApiException;

/**
 * Keeps process bindings true to their processes: publishing a binding checks it against the app's published
 * process and form it names ({@link ProcessBindings#check}), which the binding kind alone cannot see; a disagreement
 * refuses the publish with the binding's pointer or the BPMN element id. Deploying published processes to Flowable
 * belongs here too, once it can share the publishing transaction (a first try did not roll back with it).
 */
@Component
public class ProcessBindingCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetadataService metadata;

    ProcessBindingCheck(MetadataService metadata) {
        this.metadata = metadata;
    }

    @EventListener
    @org.springframework.core.annotation.Order(0)
    void onPublished(DefinitionPublished published) {
        if (FlowBindingKind.KEY.equals(published.kind())) {
            checkBinding(published.appKey(), published.content());
        }
    }

    void checkBinding(String app, String content) {
        JsonNode binding = read(content);
        List<DefinitionProblem> problems = new ArrayList<>();
        Optional<DefinitionVersion> process = metadata.latestPublished(app, ProcessKind.KEY, binding.path("process").asText());
        Optional<DefinitionVersion> form = metadata.latestPublished(app, FormKind.KEY, binding.path("form").asText());
        if (process.isEmpty()) {
            problems.add(DefinitionProblem.at("/process", "The app has no published process '"
                    + binding.path("process").asText() + "'; publish it first"));
        }
        if (form.isEmpty()) {
            problems.add(DefinitionProblem.at("/form", "The app has no published form '"
                    + binding.path("form").asText() + "'; publish it first"));
        }
        if (problems.isEmpty()) {
            FormModel model = FormModel.read(binding.path("form").asText(), form.get().content());
            for (BindingProblem problem : ProcessBindings.check(content, process.get().content(), fieldPaths(model))) {
                String where = problem.pointer() != null ? problem.pointer() : "";
                String message = problem.element() == null ? problem.message()
                        : problem.message() + " (BPMN element '" + problem.element() + "')";
                problems.add(DefinitionProblem.at(where, message));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidDefinition("The binding does not fit its process or form", problems);
        }
    }

    /** The form's fields as formulas name them: top-level keys and {@code subtable.column}. */
    static Set<String> fieldPaths(FormModel form) {
        Set<String> paths = new LinkedHashSet<>();
        for (FieldModel field : form.fields()) {
            paths.add(field.key());
            field.columns().forEach(column -> paths.add(field.key() + "." + column.key()));
        }
        return paths;
    }

    private static JsonNode read(String content) {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            // The binding kind validated it before the publish event, so it always reads.
            throw new IllegalStateException("A published binding is JSON", e);
        }
    }
}
