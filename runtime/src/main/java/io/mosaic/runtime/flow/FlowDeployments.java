package io.mosaic.runtime.flow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


import io.mosaic.flow.api.FlowBindingKind;
import io.mosaic.flow.api.ProcessKind;
import io.mosaic.flow.run.DeployableProcess;
import io.mosaic.flow.run.FlowBinding;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.DefinitionSummary;
import io.mosaic.runtime.metadata.DefinitionVersion;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.metadata.PublishCaches;
import io.mosaic.runtime.web.ApiException;

/**
 * Puts published bindings into Flowable. Publishing a binding (after {@link ProcessBindingCheck} accepted it)
 * deploys its process with the binding wired in ({@link DeployableProcess}) under the app as tenant, the process id
 * being the binding key; publishing a new version of a process redeploys every published binding of it. Each
 * deployment also holds the binding and the analyst's BPMN as they were, so that a running instance keeps the
 * binding and diagram of the version it started with. All of it happens inside the publishing transaction: a
 * refused publish leaves no deployment behind.
 */
@Component
public class FlowDeployments {

    static final String BINDING_RESOURCE = "binding.flow.json";
    static final String DIAGRAM_RESOURCE = "diagram.xml";

    private final RepositoryService repository;
    private final MetadataService metadata;
    private final ProcessBindingCheck check;
    /** By process definition id: deployed resources never change. */
    private final Map<String, FlowBinding> bindings = new ConcurrentHashMap<>();
    private final Map<String, String> diagrams = new ConcurrentHashMap<>();
    private final Map<String, Boolean> multiInstance = new ConcurrentHashMap<>();
    /** By app and form: what a submit starts, read on every submit. */
    private final Map<String, Optional<ProcessDefinition>> starters = new ConcurrentHashMap<>();

    FlowDeployments(RepositoryService repository, MetadataService metadata, ProcessBindingCheck check) {
        this.repository = repository;
        this.metadata = metadata;
        this.check = check;
    }

    @EventListener
    @Order(10)
    void onPublished(DefinitionPublished published) {
        if (FlowBindingKind.KEY.equals(published.kind())) {
            FlowBinding binding = FlowBinding.read(published.content());
            refuseSecondStarter(published.appKey(), binding);
            String process = metadata.latestPublished(published.appKey(), ProcessKind.KEY, binding.process())
                    .orElseThrow().content();
            deploy(published.appKey(), published.content(), process);
        } else if (ProcessKind.KEY.equals(published.kind())) {
            for (DefinitionVersion binding : bindingsOf(published.appKey())) {
                if (FlowBinding.read(binding.content()).process().equals(published.key())) {
                    check.checkBinding(published.appKey(), binding.content());
                    deploy(published.appKey(), binding.content(), published.content());
                }
            }
        }
    }

    private void refuseSecondStarter(String app, FlowBinding binding) {
        for (DefinitionVersion other : bindingsOf(app)) {
            FlowBinding existing = FlowBinding.read(other.content());
            if (!existing.key().equals(binding.key()) && existing.form().equals(binding.form())) {
                throw ApiException.invalidDefinition("Another process already starts on this form",
                        java.util.List.of(io.mosaic.api.definition.DefinitionProblem.at("/form", "The binding '"
                                + existing.key() + "' already starts a process when a '" + binding.form()
                                + "' record is submitted; a form starts one process")));
            }
        }
    }

    private java.util.List<DefinitionVersion> bindingsOf(String app) {
        return metadata.definitions(app, FlowBindingKind.KEY).stream()
                .map(DefinitionSummary::key)
                .map(key -> metadata.latestPublished(app, FlowBindingKind.KEY, key))
                .flatMap(Optional::stream).toList();
    }

    private void deploy(String app, String bindingJson, String bpmnXml) {
        FlowBinding binding = FlowBinding.read(bindingJson);
        // Which process starts on the form changes with this deployment.
        String starter = app + "/" + binding.form();
        PublishCaches.forgetNowAndAfterTransaction(() -> starters.remove(starter));
        repository.createDeployment()
                .key(app + "/" + binding.key())
                .name(binding.key())
                .category(binding.form())
                .tenantId(app)
                .addString(binding.key() + ".bpmn20.xml", DeployableProcess.build(bpmnXml, binding))
                .addString(BINDING_RESOURCE, bindingJson)
                .addString(DIAGRAM_RESOURCE, bpmnXml)
                // The process kind read the analyst's BPMN with Flowable's converter and model checks and refused
                // anything unsafe; Flowable's XSD check on top refuses valid models ("sequenceFlow cannot have
                // character children" for a formatted condition).
                .disableSchemaValidation()
                .deploy();
    }

    /** The newest deployed definition that starts when a record of {@code form} is submitted. */
    Optional<ProcessDefinition> starting(String app, String form) {
        return starters.computeIfAbsent(app + "/" + form, key -> repository.createProcessDefinitionQuery()
                .processDefinitionTenantId(app).latestVersion().list().stream()
                .filter(definition -> form.equals(binding(definition.getId()).form()))
                .findFirst());
    }

    /** Whether a task of a deployed definition is multi-instance: a countersign. */
    boolean multiInstance(String processDefinitionId, String taskKey) {
        return multiInstance.computeIfAbsent(processDefinitionId + "/" + taskKey, key ->
                repository.getBpmnModel(processDefinitionId).getFlowElement(taskKey) instanceof UserTask task
                        && task.hasMultiInstanceLoopCharacteristics());
    }

    /** The binding a process definition was deployed with. */
    FlowBinding binding(String processDefinitionId) {
        return bindings.computeIfAbsent(processDefinitionId,
                id -> FlowBinding.read(resource(id, BINDING_RESOURCE)));
    }

    /** The analyst's BPMN a process definition was deployed from, layout and all. */
    String diagram(String processDefinitionId) {
        return diagrams.computeIfAbsent(processDefinitionId, id -> resource(id, DIAGRAM_RESOURCE));
    }

    private String resource(String processDefinitionId, String name) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + processDefinitionId, e);
        }
    }
}
