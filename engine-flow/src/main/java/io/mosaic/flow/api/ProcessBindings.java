package io.mosaic.flow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.flow.run.FlowBinding;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaException;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;

import javax.xml.stream.XMLStreamException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A process binding ({@link FlowBindingKind}) read together with the BPMN process it binds and the form that
 * starts it: {@link #check} says where they disagree, {@link #suggest} starts a binding for an imported process.
 */
public final class ProcessBindings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern ROLE_KEY = Pattern.compile("^[a-z][a-z0-9_]{0,47}$");
    /** What the bootstrap creates on every installation, so a suggested fallback always resolves. */
    private static final String ADMIN = "admin";

    private ProcessBindings() {
    }

    /**
     * Checks a binding against its process and form: every bound task is a user task of the process and every user
     * task is bound; countersigning only on multi-instance tasks; conditions only on the flows out of exclusive and
     * inclusive gateways that choose between several flows, one on each such flow but the gateway's default; and
     * every field named (task views, assignment fields, conditions) a field of the form.
     *
     * @param bindingJson   a binding that {@link FlowBindingKind} accepts
     * @param bpmnXml       the process definition that {@link ProcessKind} accepts
     * @param formFieldKeys the form's fields as formulas name them: top-level keys and {@code subtable.column}
     */
    public static List<BindingProblem> check(String bindingJson, String bpmnXml, Set<String> formFieldKeys) {
        JsonNode binding = readBinding(bindingJson);
        List<BindingProblem> problems = new ArrayList<>();
        Optional<Process> found;
        try {
            found = boundProcess(BpmnXml.read(bpmnXml), binding.path("process").asText());
        } catch (XMLStreamException | RuntimeException e) {
            return List.of(new BindingProblem(null, "", "The process is not BPMN 2.0 that can be read: " + e.getMessage()));
        }
        if (found.isEmpty()) {
            return List.of(new BindingProblem("/process", null, "The process definition has no executable process "
                    + "with id '" + binding.path("process").asText() + "', nor exactly one executable process"));
        }
        Process process = found.get();
        checkTasks(binding.path("tasks"), process, formFieldKeys, problems);
        checkFlows(binding.path("flows"), process, formFieldKeys, problems);
        checkSteps(binding.path("steps"), process, formFieldKeys, problems);
        binding.path("names").fieldNames().forEachRemaining(id -> {
            if (process.getFlowElement(id, true) == null) {
                problems.add(new BindingProblem(JsonSchemaDefinitionKind.pointer("/names", id), id,
                        "The process has no element '" + id + "' to name"));
            }
        });
        return problems;
    }

    private static void checkTasks(JsonNode tasks, Process process, Set<String> fields, List<BindingProblem> problems) {
        Set<String> bound = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.get(i);
            String at = "/tasks/" + i;
            String id = task.path("id").asText();
            bound.add(id);
            Optional<UserTask> found = element(process, id, UserTask.class, "a user task", at + "/id", problems);
            if (found.isEmpty()) {
                continue;
            }
            UserTask userTask = found.get();
            if (task.has("countersign") && !userTask.hasMultiInstanceLoopCharacteristics()) {
                problems.add(new BindingProblem(at + "/countersign", id, "Only a multi-instance user task is "
                        + "countersigned; mark '" + id + "' as multi-instance in the process or remove countersign"));
            }
            task.path("view").fieldNames().forEachRemaining(field -> {
                if (!fields.contains(field)) {
                    problems.add(new BindingProblem(JsonSchemaDefinitionKind.pointer(at + "/view", field), null,
                            "The form has no field '" + field + "'"));
                }
            });
            JsonNode assignmentField = task.path("assignment").path("field");
            if (assignmentField.isTextual() && !isField(assignmentField.asText(), fields)) {
                problems.add(new BindingProblem(at + "/assignment/field", null,
                        "The form has no field '" + assignmentField.asText() + "'"));
            }
        }
        for (UserTask userTask : process.findFlowElementsOfType(UserTask.class, true)) {
            if (!bound.contains(userTask.getId())) {
                problems.add(new BindingProblem("/tasks", userTask.getId(), "The user task '" + userTask.getId()
                        + "' has no binding: say who is assigned and what they may do"));
            }
        }
    }

    private static void checkFlows(JsonNode flows, Process process, Set<String> fields, List<BindingProblem> problems) {
        Set<String> bound = new HashSet<>();
        for (int i = 0; i < flows.size(); i++) {
            JsonNode flow = flows.get(i);
            String at = "/flows/" + i;
            String id = flow.path("id").asText();
            bound.add(id);
            Optional<SequenceFlow> found = element(process, id, SequenceFlow.class, "a sequence flow", at + "/id", problems);
            if (found.isEmpty()) {
                continue;
            }
            FlowElement source = process.getFlowElement(found.get().getSourceRef(), true);
            if (!(source instanceof Gateway gateway) || !choosesAmongFlows(gateway)) {
                problems.add(new BindingProblem(at + "/id", id, "The flow '" + id + "' does not leave an exclusive or "
                        + "inclusive gateway choosing among several flows, so it takes no condition"));
            } else if (id.equals(gateway.getDefaultFlow())) {
                problems.add(new BindingProblem(at + "/id", id, "The flow '" + id + "' is the default of gateway '"
                        + gateway.getId() + "': it is taken when no other condition holds and takes none itself"));
            }
            checkConditionFields(flow.path("condition").asText(), at + "/condition", fields, problems);
        }
        for (Gateway gateway : process.findFlowElementsOfType(Gateway.class, true)) {
            if (!choosesAmongFlows(gateway)) {
                continue;
            }
            for (SequenceFlow outgoing : gateway.getOutgoingFlows()) {
                if (!outgoing.getId().equals(gateway.getDefaultFlow()) && !bound.contains(outgoing.getId())) {
                    problems.add(new BindingProblem("/flows", outgoing.getId(), "The flow '" + outgoing.getId()
                            + "' out of gateway '" + gateway.getId() + "' has no condition; give it one, "
                            + "or make it the gateway's default"));
                }
            }
        }
    }

    /**
     * Every service task is an automated step the binding gives an action, and every step a service task; a field a
     * step sets is a top-level field of the form, and its formulas read fields of the form. (The target form of
     * {@code create_record} is another definition: the runtime checks it when the step runs.)
     */
    private static void checkSteps(JsonNode steps, Process process, Set<String> fields, List<BindingProblem> problems) {
        Set<String> bound = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String at = "/steps/" + i;
            bound.add(step.path("id").asText());
            element(process, step.path("id").asText(), ServiceTask.class, "a service task", at + "/id", problems);
            if (step.has("field") && !fields.contains(step.path("field").asText())) {
                problems.add(new BindingProblem(at + "/field", null, "The form has no field '"
                        + step.path("field").asText() + "'"));
            }
            for (String member : FlowBinding.Step.FORMULAS) {
                if (step.has(member)) {
                    checkConditionFields(step.path(member).asText(), at + "/" + member, fields, problems);
                }
            }
            step.path("values").fields().forEachRemaining(value -> checkConditionFields(value.getValue().asText(),
                    JsonSchemaDefinitionKind.pointer(at + "/values", value.getKey()), fields, problems));
        }
        for (ServiceTask task : process.findFlowElementsOfType(ServiceTask.class, true)) {
            if (!bound.contains(task.getId())) {
                problems.add(new BindingProblem("/steps", task.getId(), "The service task '" + task.getId()
                        + "' has no step: say which of the platform's actions it does (set_field, create_record, notify, bind_dealer, create_user)"));
            }
        }
    }

    /** The element the binding names at {@code at}, when the process has it and it is of the given type. */
    private static <T extends FlowElement> Optional<T> element(Process process, String id, Class<T> type, String what,
                                                               String at, List<BindingProblem> problems) {
        FlowElement element = process.getFlowElement(id, true);
        if (type.isInstance(element)) {
            return Optional.of(type.cast(element));
        }
        problems.add(new BindingProblem(at, id, element == null ? "The process has no element '" + id + "'"
                : "'" + id + "' is " + describe(element) + ", not " + what));
        return Optional.empty();
    }

    private static void checkConditionFields(String condition, String at, Set<String> fields,
                                             List<BindingProblem> problems) {
        try {
            for (String reference : Formula.parse(condition).references()) {
                if (!isField(reference, fields)) {
                    problems.add(new BindingProblem(at, null, "The formula reads '" + reference
                            + "', which is not a field of the form"));
                }
            }
        } catch (FormulaException alreadyReportedByTheKind) {
            // FlowBindingKind refuses a condition that does not parse; there is nothing more to say here.
        }
    }

    /** A field of the form, or a field of the form a lookup of it points at ({@code dealer.region}). */
    private static boolean isField(String path, Set<String> fields) {
        int dot = path.indexOf('.');
        return fields.contains(path) || dot > 0 && fields.contains(path.substring(0, dot)) && !isSubtable(path, fields);
    }

    /** {@code lines.x} names a column of sub-table {@code lines} only when the form lists that column. */
    private static boolean isSubtable(String path, Set<String> fields) {
        String head = path.substring(0, path.indexOf('.') + 1);
        return fields.stream().anyMatch(field -> field.startsWith(head));
    }

    private static boolean choosesAmongFlows(Gateway gateway) {
        return (gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway)
                && gateway.getOutgoingFlows().size() > 1;
    }

    /**
     * Starts a binding for a process made elsewhere, e.g. in the Camunda 7, Activiti or Flowable modeler: each user
     * task's literal {@code assignee} becomes named users, its {@code candidateUsers} / {@code candidateGroups}
     * candidates (groups whose names are not role keys are left out); other tasks are assigned to the initiator's
     * manager. Multi-instance tasks are countersigned by all; every task may approve, reject and return, and falls
     * back to the {@code admin} user. Conditions written in a gateway's flows are carried over as they are; flows
     * without one are left out, so that {@link #check} names them. Expressions ({@code ${…}}) are never carried over:
     * {@link ProcessKind} refuses them.
     *
     * @param key  key of the binding and of the process definition it binds
     * @param form key of the form whose records start the process
     * @throws IllegalArgumentException when the BPMN cannot be read or has no executable process
     */
    public static String suggest(String key, String form, String bpmnXml) {
        Process process;
        try {
            process = boundProcess(BpmnXml.read(bpmnXml), key)
                    .orElseThrow(() -> new IllegalArgumentException("The BPMN has no executable process to bind"));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("The BPMN is not well-formed: " + e.getMessage(), e);
        }
        ObjectNode binding = JSON.createObjectNode();
        binding.put("key", key).put("process", key).put("form", form).put("startOn", "submit");
        ArrayNode tasks = binding.putArray("tasks");
        for (UserTask userTask : process.findFlowElementsOfType(UserTask.class, true)) {
            ObjectNode task = tasks.addObject();
            task.put("id", userTask.getId());
            task.set("assignment", suggestAssignment(userTask));
            task.putObject("fallback").put("type", "user").put("user", ADMIN);
            task.putArray("actions").add("approve").add("reject").add("return");
            if (userTask.hasMultiInstanceLoopCharacteristics()) {
                task.putObject("countersign").put("mode", "all");
            }
        }
        ArrayNode flows = binding.putArray("flows");
        for (Gateway gateway : process.findFlowElementsOfType(Gateway.class, true)) {
            if (!choosesAmongFlows(gateway)) {
                continue;
            }
            for (SequenceFlow outgoing : gateway.getOutgoingFlows()) {
                String condition = outgoing.getConditionExpression();
                if (!outgoing.getId().equals(gateway.getDefaultFlow()) && literal(condition).isPresent()) {
                    flows.addObject().put("id", outgoing.getId()).put("condition", condition.strip());
                }
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(binding);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of plain values always writes", e);
        }
    }

    private static ObjectNode suggestAssignment(UserTask task) {
        ObjectNode assignment = JSON.createObjectNode();
        Optional<String> assignee = literal(task.getAssignee())
                .or(() -> literal(task.getAttributeValue(CAMUNDA_NS, "assignee")));
        if (assignee.isPresent()) {
            assignment.put("type", "users").putArray("users").add(assignee.get());
            return assignment;
        }
        List<String> users = listed(task.getCandidateUsers(), task.getAttributeValue(CAMUNDA_NS, "candidateUsers"));
        List<String> roles = listed(task.getCandidateGroups(), task.getAttributeValue(CAMUNDA_NS, "candidateGroups"))
                .stream().filter(group -> ROLE_KEY.matcher(group).matches()).toList();
        if (users.isEmpty() && roles.isEmpty()) {
            return assignment.put("type", "initiator_manager").put("levels", 1);
        }
        assignment.put("type", "candidates");
        if (!roles.isEmpty()) {
            roles.forEach(assignment.putArray("roles")::add);
        }
        if (!users.isEmpty()) {
            users.forEach(assignment.putArray("users")::add);
        }
        return assignment;
    }

    /** Flowable and Activiti attributes arrive as lists, Camunda's as the comma-separated text the modeler wrote. */
    private static List<String> listed(List<String> flowable, String camunda) {
        List<String> values = new ArrayList<>(flowable);
        if (camunda != null) {
            values.addAll(Arrays.asList(camunda.split(",")));
        }
        return values.stream().map(String::strip).flatMap(value -> literal(value).stream()).distinct().toList();
    }

    private static Optional<String> literal(String value) {
        return value == null || value.isBlank() || value.contains("${") || value.contains("#{")
                ? Optional.empty() : Optional.of(value.strip());
    }

    /** The process with the binding's key as its id, or else the document's only executable process. */
    public static Optional<Process> boundProcess(BpmnModel model, String key) {
        Process byId = model.getProcessById(key);
        if (byId != null && byId.isExecutable()) {
            return Optional.of(byId);
        }
        List<Process> executable = model.getProcesses().stream().filter(Process::isExecutable).toList();
        return executable.size() == 1 ? Optional.of(executable.get(0)) : Optional.empty();
    }

    /** Flowable's class name in words with its article: {@code ExclusiveGateway} → "an exclusive gateway". */
    private static String describe(FlowElement element) {
        String words = element.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    private static JsonNode readBinding(String bindingJson) {
        try {
            return JSON.readTree(bindingJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The binding is not JSON; check it with FlowBindingKind first", e);
        }
    }
}
