package io.mosaic.runtime.flow;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flowable.bpmn.model.FlowElement;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.variable.api.delegate.VariableScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.flow.run.DeployableProcess;
import io.mosaic.flow.run.FlowBinding;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.form.record.FormulaValue;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.security.user.PasswordLinks;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * What the generated expressions of a deployed process ({@link DeployableProcess}) call, under the name
 * {@value DeployableProcess#BEAN}: gateway conditions in the formula language over the record, the signers of a
 * countersign and whether it is decided. Also what the platform knows of a running instance from its variables.
 */
@Component(DeployableProcess.BEAN)
public class FlowFacts {

    /** The one process variable the platform starts an instance with: its {@link Context}. */
    static final String CONTEXT = "mosaic";
    static final String APPROVED = "mosaicApproved";
    static final String REJECTED = "mosaicRejected";
    private static final String STEP_FAILED = "flow.step_failed";

    private final FlowDeployments deployments;
    private final FormRecords records;
    private final Assignees assignees;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();
    private final FlowStore store;
    private final UserService users;
    private final PasswordLinks passwords;
    private static final ObjectMapper JSON = new ObjectMapper();

    FlowFacts(FlowDeployments deployments, FormRecords records, Assignees assignees, FlowStore store, UserService users,
              PasswordLinks passwords) {
        this.deployments = deployments;
        this.records = records;
        this.assignees = assignees;
        this.store = store;
        this.users = users;
        this.passwords = passwords;
    }

    /** The condition of flow {@code flowId}, evaluated over the instance's record now. */
    public boolean condition(DelegateExecution execution, String flowId) {
        FlowBinding binding = deployments.binding(execution.getProcessDefinitionId());
        String text = binding.conditions().get(flowId);
        try {
            Object result = parsed.computeIfAbsent(text, Formula::parse).evaluate(facts(execution));
            return Boolean.TRUE.equals(result);
        } catch (FormulaException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "flow.condition_failed", "The condition of flow '"
                    + flowId + "' could not be evaluated: " + e.getMessage(),
                    List.of(new ApiError.Problem(flowId, text)));
        }
    }

    /**
     * Runs the automated step {@code stepId} as the system: sets a field of the record, creates a record of another
     * form of the app, notifies people, binds the initiator's account to a dealer, or opens a user account; the
     * timeline records it. A step that fails (a value the field does not take, say) fails the call that reached it,
     * which then stores nothing.
     */
    public void step(DelegateExecution execution, String stepId) {
        FlowBinding.Step step = deployments.binding(execution.getProcessDefinitionId()).steps().get(stepId);
        Context context = context(execution);
        String app = context.app();
        String initiator = context.initiator();
        Actor actor = assignees.actor(initiator);
        Instant now = clock.instant();
        List<String> to = List.of();
        try {
            switch (step.action()) {
                case "set_field" -> setField(context, step.field(),
                        FormulaValue.json(evaluate(step.value(), execution, stepId)), actor);
                case "create_record" -> {
                    ObjectNode values = JSON.createObjectNode();
                    step.values().forEach((field, formula) -> values.set(field, FormulaValue.json(evaluate(formula, execution, stepId))));
                    records.systemStore(app, step.form()).create(values.toString(), actor, Locale.ENGLISH);
                }
                case "notify" -> {
                    Set<String> recipients = new LinkedHashSet<>(assignees.users(step.users()));
                    recipients.addAll(assignees.holders(step.roles()));
                    if (step.initiator()) {
                        recipients.add(initiator);
                    }
                    to = List.copyOf(recipients);
                    for (String recipient : to) {
                        store.notify("notify", recipient, Map.of("instanceId", execution.getProcessInstanceId(),
                                "message", step.message()));
                    }
                }
                case "bind_dealer" -> {
                    Object code = evaluate(step.value(), execution, stepId);
                    if (code == null || code.toString().isBlank()) {
                        throw stepFailed(stepId, "the dealer code '" + step.value() + "' is blank");
                    }
                    User account = users.findByUsername(initiator).orElseThrow();
                    users.update(account.id(), new UserRequest(account.username(), account.displayName(),
                            account.email(), null, account.orgId(), account.managerId(), code.toString().trim(),
                            account.roles(), account.locale(), account.enabled()));
                    to = List.of(initiator);
                }
                case "create_user" -> {
                    User account = openAccount(step, execution);
                    if (step.field() != null) {
                        setField(context, step.field(), JSON.getNodeFactory().numberNode(account.id()), actor);
                    }
                    to = List.of(account.username());
                }
                default -> throw new IllegalStateException("Unknown step action " + step.action());
            }
        } catch (InvalidRecordException e) {
            throw stepFailed(stepId, e.errors().stream().map(RecordError::message).toList().toString());
        } catch (ApiException e) {
            if (STEP_FAILED.equals(e.code())) {
                throw e;
            }
            throw stepFailed(stepId, e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("Step " + stepId + " could not write", e);
        }
        FlowElement element = execution.getCurrentFlowElement();
        store.insertAction(execution.getProcessInstanceId(), null, stepId,
                element == null || element.getName() == null ? stepId : element.getName(), null, step.action(),
                step.message(), List.of(), null, null, to, 0L, now);
    }

    private void setField(Context context, String field, JsonNode value, Actor actor) throws SQLException {
        ObjectNode patch = JSON.createObjectNode();
        patch.set(field, value);
        RecordStore store = records.systemStore(context.app(), context.form());
        int version = store.read(context.recordId(), RowFilter.ALL, Set.of()).orElseThrow()
                .path(SystemColumns.VERSION).intValue();
        store.update(context.recordId(), version, patch.toString(), actor, Locale.ENGLISH);
    }

    /**
     * Opens the account a {@code create_user} step describes and mails its owner the link that sets its password;
     * answers the account. The account service's refusals (a username taken, an address that is none) are told in
     * the words of the record: the problem points at the field the step's formula reads, when it reads one field.
     */
    private User openAccount(FlowBinding.Step step, DelegateExecution execution) {
        FlowBinding.Account account = step.account();
        Map<String, String> formulas = new LinkedHashMap<>();
        formulas.put("username", account.username());
        formulas.put("displayName", account.displayName());
        formulas.put("email", account.email());
        formulas.put("dealerId", account.dealer());
        formulas.put("orgId", account.org());
        Map<String, Object> values = new HashMap<>();
        formulas.forEach((member, formula) -> values.put(member, formula == null ? null
                : evaluate(formula, execution, step.id())));
        Object org = values.get("orgId");
        Long orgId;
        try {
            orgId = org == null ? null : new BigDecimal(org.toString()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw accountRefused(step.id(), HttpStatus.UNPROCESSABLE_ENTITY, "/orgId", "'" + org
                    + "' is not the id of an org unit", formulas);
        }
        try {
            return passwords.openAccount(new UserRequest(text(values.get("username")), text(values.get("displayName")),
                    text(values.get("email")), null, orgId, null, text(values.get("dealerId")), step.roles(), null,
                    null));
        } catch (ApiException e) {
            ApiError.Problem first = e.problems().isEmpty() ? new ApiError.Problem("", e.getMessage()) : e.problems().get(0);
            // The approval itself was well formed: what the account service refused is the record's data.
            HttpStatus status = e.status() == HttpStatus.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            throw accountRefused(step.id(), status, first.pointer(), first.message(), formulas);
        }
    }

    /** The step's failure naming the record field behind the account member at {@code pointer} ({@code /username}). */
    private ApiException accountRefused(String stepId, HttpStatus status, String pointer, String why,
                                        Map<String, String> formulas) {
        String formula = formulas.get(pointer.startsWith("/") ? pointer.substring(1) : pointer);
        String field = formula == null ? null : parsed.computeIfAbsent(formula, Formula::parse).references().stream()
                .filter(formula.strip()::equals).findFirst().orElse(null);
        String subject = field != null ? "field " + field : formula != null ? "'" + formula + "'" : pointer;
        return new ApiException(status, STEP_FAILED, "The automated step '" + stepId + "' could not open the account: "
                + subject + " " + why, List.of(new ApiError.Problem(field != null ? "/" + field : stepId, why)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private Object evaluate(String formula, DelegateExecution execution, String stepId) {
        try {
            return parsed.computeIfAbsent(formula, Formula::parse).evaluate(facts(execution));
        } catch (FormulaException e) {
            throw stepFailed(stepId, e.getMessage());
        }
    }

    private static ApiException stepFailed(String stepId, String why) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, STEP_FAILED, "The automated step '" + stepId
                + "' failed: " + why, List.of(new ApiError.Problem(stepId, why)));
    }

    /** The signers of the multi-instance task being entered: its assignment, else its fallback user, else nobody. */
    public List<String> signers(DelegateExecution execution) {
        FlowBinding.Task task = task(execution.getProcessDefinitionId(), execution.getCurrentActivityId());
        Assignees.Resolved resolved = assignees.resolve(task.assignment(), initiator(execution), () -> facts(execution));
        if (!resolved.users().isEmpty()) {
            return resolved.users();
        }
        return task.fallback().skip() ? List.of() : assignees.user(task.fallback().user()).stream().toList();
    }

    /** Whether enough signers of the countersign being run approved. */
    public boolean countersignDone(DelegateExecution execution) {
        FlowBinding.Task task = task(execution.getProcessDefinitionId(), execution.getCurrentActivityId());
        int approved = number(execution.getVariable(APPROVED));
        int signers = number(execution.getVariable("nrOfInstances"));
        return countersign(task).approvedBy(approved, signers);
    }

    static FlowBinding.Countersign countersign(FlowBinding.Task task) {
        return task.countersigning().orElse(new FlowBinding.Countersign("all", 100));
    }

    /**
     * What a notice about a task says of it: ids, and its name in both languages ({@code node} zh-CN, {@code nodeEn}
     * en) since the recipient's language is chosen when the notice is delivered.
     */
    Map<String, String> taskNotice(String taskId, String instanceId, String processDefinitionId, String taskKey,
                                   String bpmnName) {
        FlowBinding binding = deployments.binding(processDefinitionId);
        return Map.of("taskId", taskId, "instanceId", instanceId, "node", binding.nameOf(taskKey, "zh-CN", bpmnName),
                "nodeEn", binding.nameOf(taskKey, "en", bpmnName));
    }

    FlowBinding.Task task(String processDefinitionId, String taskKey) {
        return deployments.binding(processDefinitionId).task(taskKey).orElseThrow(() ->
                new IllegalStateException("The binding has no task " + taskKey));
    }

    FormulaContext facts(VariableScope scope) {
        try {
            Context context = context(scope);
            return records.facts(context.app(), context.form(), context.recordId(), clock);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the record of the process", e);
        }
    }

    static String initiator(VariableScope scope) {
        return context(scope).initiator();
    }

    /**
     * Which record an instance approves and who submitted it. Kept as one text variable rather than four: every
     * variable is a row inserted, and later read, in the engine's runtime and history tables.
     */
    record Context(String app, String form, long recordId, String initiator) {

        String encoded() {
            return app + "/" + form + "/" + recordId + "/" + initiator;
        }

        static Context decode(String encoded) {
            // Keys and usernames hold no '/': app and form keys are [a-z0-9_], usernames are checked on creation.
            String[] parts = encoded.split("/", 4);
            return new Context(parts[0], parts[1], Long.parseLong(parts[2]), parts[3]);
        }
    }

    static Context context(VariableScope scope) {
        return Context.decode((String) scope.getVariable(CONTEXT));
    }

    static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

}
