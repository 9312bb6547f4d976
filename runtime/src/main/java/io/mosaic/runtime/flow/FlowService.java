package io.mosaic.runtime.flow;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.flow.run.DeployableProcess;
import io.mosaic.flow.run.DiagramNames;
import io.mosaic.flow.run.FlowBinding;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.store.RecordNotFoundException;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.runtime.form.FormController;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.form.FormView;
import io.mosaic.runtime.security.CurrentUser;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Approval workflows: submitting a record starts its form's process; assignees act on tasks; the initiator
 * withdraws and urges. Each call is one transaction holding the record write, Flowable's changes, the platform's
 * instance row and timeline, and the outbox: a step that fails leaves none of them. Calls on one instance take
 * turns (its row is locked first), so two users completing the same task get one success and one 409.
 */
@Service
public class FlowService {

    /** A record's workflow status, as its {@code workflow_status} column holds it (null: a draft). */
    public static final String DRAFT = "draft";
    public static final String IN_APPROVAL = "in_approval";
    public static final String RETURNED = "returned";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";

    static final String INITIATOR_TARGET = "initiator";
    /** The statuses a record may be submitted from; null: never submitted. */
    private static final List<String> SUBMITTABLE = java.util.Arrays.asList(null, DRAFT, REJECTED, WITHDRAWN);
    private static final String AFTER_SIGNERS = "mosaicAfter";
    private static final String SYSTEM = null;
    private static final int MAX_COMMENT = 2000;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** What the caller sends with an action. */
    public record ActionInput(String comment, List<String> attachments, String target, String user, List<String> users,
                              ObjectNode values, Integer version) {

        public static ActionInput comment(String comment) {
            return new ActionInput(comment, List.of(), null, null, List.of(), null, null);
        }
    }

    /** Where an instance stands after a call. */
    public record Outcome(String instanceId, String status) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final FlowDeployments deployments;
    private final FlowFacts facts;
    private final FlowStore store;
    private final Assignees assignees;
    private final FormRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    FlowService(RuntimeService runtime, TaskService tasks, HistoryService history, FlowDeployments deployments,
                FlowFacts facts, FlowStore store, Assignees assignees, FormRecords records,
                ApplicationEventPublisher events) {
        this.events = events;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.deployments = deployments;
        this.facts = facts;
        this.store = store;
        this.assignees = assignees;
        this.records = records;
    }

    // ---- starting

    /** Creates a record and submits it, in one transaction: a process that cannot start leaves no record. */
    @Transactional
    public long createAndSubmit(String app, String form, String recordJson, Authentication user, Locale locale)
            throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.CREATE);
        access.refuseUnwritable(members(recordJson), locale);
        long id = storeCall(0, () -> access.store().create(recordJson, access.actor(), locale));
        start(app, form, id, user, ActionInput.comment(null));
        return id;
    }

    /**
     * Submits a record: starts its form's process, or after a return to the initiator resubmits it. The submitter
     * must see the record and may create or change records of the form.
     */
    @Transactional
    public Outcome submit(String app, String form, long recordId, Authentication user, ActionInput input) {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        if (!access.permission().allows(FormAction.UPDATE) && !access.permission().allows(FormAction.CREATE)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden", "You may not submit records of form '" + form + "'");
        }
        ObjectNode record = visible(access, recordId);
        String status = record.path(SystemColumns.WORKFLOW_STATUS).asText(DRAFT);
        if (RETURNED.equals(status)) {
            FlowStore.Instance instance = store.lock(record.path(SystemColumns.PROCESS_INSTANCE_ID).asText())
                    .orElseThrow(() -> new IllegalStateException("A returned record has its instance"));
            Task resubmit = tasks.createTaskQuery().processInstanceId(instance.instanceId())
                    .taskDefinitionKey(DeployableProcess.RESUBMIT).singleResult();
            if (resubmit == null || !user.getName().equals(resubmit.getAssignee())) {
                throw new ApiException(HttpStatus.FORBIDDEN, "flow.not_allowed", "Only the initiator resubmits a returned record");
            }
            return act(instance, resubmit, "resubmit", input, user);
        }
        if (!DRAFT.equals(status) && !REJECTED.equals(status) && !WITHDRAWN.equals(status)) {
            throw ApiException.conflict("flow.in_approval", "The record is " + status.replace('_', ' ')
                    + "; it cannot be submitted again now");
        }
        return start(app, form, recordId, user, input);
    }

    /**
     * Starts the approval of a record as a rule asks it to ({@code start_process}): the process must be the one bound
     * to the record's form; the record's owner is its initiator. Nothing happens when the record is already in
     * approval.
     */
    @Transactional
    public void startAsSystem(String app, String form, long recordId, String process, String initiator) {
        ProcessDefinition definition = deployments.starting(app, form).orElseThrow(() -> ApiException.conflict(
                "flow.not_bound", "No approval process starts on form '" + form + "'"));
        if (!definition.getKey().equals(process)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.effect_failed", "The process '" + process
                    + "' does not start on form '" + form + "'; '" + definition.getKey() + "' does");
        }
        String status = readAll(app, form, recordId).path(SystemColumns.WORKFLOW_STATUS).asText(DRAFT);
        if (SUBMITTABLE.contains(status)) {
            startAs(app, form, recordId, initiator, ActionInput.comment(null));
        }
    }

    private Outcome start(String app, String form, long recordId, Authentication user, ActionInput input) {
        return startAs(app, form, recordId, user.getName(), input);
    }

    private Outcome startAs(String app, String form, long recordId, String username, ActionInput input) {
        ProcessDefinition definition = deployments.starting(app, form).orElseThrow(() -> ApiException.conflict(
                "flow.not_bound", "No approval process starts on form '" + form + "'; publish a process binding for it"));
        FormModel model = records.latestOrFail(app, form).validator().schema().form();
        ObjectNode record = readAll(app, form, recordId);
        Map<String, Object> variables = Map.of(FlowFacts.CONTEXT,
                new FlowFacts.Context(app, form, recordId, username).encoded());
        Instant now = clock.instant();
        ProcessEnds.reset();
        ProcessInstance instance;
        try {
            instance = runtime.createProcessInstanceBuilder().processDefinitionId(definition.getId())
                    .tenantId(app).businessKey(app + "/" + form + "/" + recordId).variables(variables).start();
        } catch (FlowableException e) {
            throw unwrapped(e);
        }
        String title = title(model, record, recordId);
        store.insertInstance(new FlowStore.Instance(instance.getId(), app, form, recordId, definition.getKey(),
                title, username, IN_APPROVAL, now, null));
        attach(input, username, instance.getId());
        store.insertAction(instance.getId(), null, null, null, username, "submit", comment(input), input.attachments(),
                null, null, null, null, now);
        events.publishEvent(new WorkflowEvent("submitted", app, form, recordId, instance.getId(), null, username));
        // Only from a state that may be submitted: of two submits at once, the second waits for the first's row lock,
        // then finds the record in approval and rolls its process back.
        try {
            if (!records.systemStore(app, form).moveWorkflow(recordId, SUBMITTABLE, IN_APPROVAL, instance.getId())) {
                throw ApiException.conflict("flow.in_approval", "The record was submitted meanwhile; it is in approval");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the workflow status of record " + recordId, e);
        }
        return settle(new FlowStore.Instance(instance.getId(), app, form, recordId, definition.getKey(), title, username,
                IN_APPROVAL, now, null), IN_APPROVAL);
    }

    // ---- acting on tasks

    /** Does {@code action} on a task as {@code user}; see {@link #allowedActions}. */
    @Transactional
    public Outcome act(String taskId, String action, ActionInput input, Authentication user) {
        Task seen = taskOrGone(taskId);
        FlowStore.Instance instance = store.lock(seen.getProcessInstanceId())
                .orElseThrow(() -> ApiException.notFound("Task " + taskId));
        // Read again under the lock: whoever waited for it finds the task gone when the first completed it.
        Task task = withLocalVariables(taskId).orElseThrow(FlowService::taskGone);
        return act(instance, task, action, input, user);
    }

    private Outcome act(FlowStore.Instance instance, Task task, String action, ActionInput input, Authentication user) {
        ProcessEnds.reset();
        String username = user.getName();
        if (task.getAssignee() != null && !task.getAssignee().equals(username) && isCandidate(task, username)) {
            throw ApiException.conflict("flow.task_taken", "Someone else has already taken this task");
        }
        if (!allowedActions(task, username).contains(action)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "flow.not_allowed", "'" + action + "' is not allowed on this "
                    + "task for you now; allowed: " + allowedActions(task, username));
        }
        if (input.comment() != null && input.comment().length() > MAX_COMMENT) {
            throw invalid("/comment", "At most " + MAX_COMMENT + " characters");
        }
        if (("reject".equals(action) || "return".equals(action)) && (input.comment() == null || input.comment().isBlank())) {
            throw invalid("/comment", "Say why: a comment is required to " + action);
        }
        attach(input, username, instance.instanceId());
        Instant now = clock.instant();
        long duration = now.toEpochMilli() - task.getCreateTime().getTime();
        String node = task.getTaskDefinitionKey();
        String nodeName = nodeName(task);
        String status = instance.status();
        try {
            switch (action) {
                case "approve" -> approve(instance, task, input, user, now, duration);
                case "reject" -> status = reject(instance, task, input, username, now, duration);
                case "return" -> status = returnTo(instance, task, input, username, now, duration);
                case "resubmit" -> {
                    applyValues(instance, task, input, user);
                    record(instance, task, username, "resubmit", input, null, null, null, duration, now);
                    tasks.complete(task.getId());
                    moveRecord(instance.app(), instance.form(), instance.recordId(), IN_APPROVAL, instance.instanceId());
                    store.setStatus(instance.instanceId(), IN_APPROVAL, null);
                    status = IN_APPROVAL;
                    publish("submitted", instance, null, username);
                }
                case "transfer", "delegate", "add_signer_before" -> {
                    String to = otherUser(input.user(), username);
                    record(instance, task, username, action, input, null, null, List.of(to), duration, now);
                    if ("transfer".equals(action)) {
                        tasks.setAssignee(task.getId(), to);
                    } else {
                        tasks.delegateTask(task.getId(), to);
                    }
                    notifyUser("task_assigned", to, task);
                }
                case "resolve" -> {
                    record(instance, task, username, "resolve", input, null, null, List.of(task.getOwner()), duration, now);
                    tasks.resolveTask(task.getId());
                }
                case "add_signer_after" -> addSignerAfter(instance, task, input, username, now);
                case "cc" -> {
                    List<String> to = users(input.users(), "/users");
                    record(instance, task, username, "cc", input, null, null, to, null, now);
                    for (String copy : to) {
                        store.insertCopy(instance.instanceId(), copy, username, now);
                        store.notify("cc", copy, Map.of("instanceId", instance.instanceId(), "title", instance.title()));
                    }
                }
                case "claim" -> {
                    tasks.claim(task.getId(), username);
                    record(instance, task, username, "claim", input, null, null, null, null, now);
                }
                case "unclaim" -> {
                    tasks.unclaim(task.getId());
                    record(instance, task, username, "unclaim", input, null, null, null, null, now);
                }
                default -> throw new IllegalStateException("Unhandled action " + action + " at " + node + " " + nodeName);
            }
        } catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException e) {
            throw taskGone();
        } catch (FlowableException e) {
            throw unwrapped(e);
        }
        if ("approve".equals(action) || "reject".equals(action)) {
            publish("task_completed", instance, node, username);
        }
        return settle(instance, status);
    }

    private void approve(FlowStore.Instance instance, Task task, ActionInput input, Authentication user, Instant now,
                         long duration) {
        applyValues(instance, task, input, user);
        record(instance, task, user.getName(), "approve", input, null, null, null, duration, now);
        completeApproval(instance, task, now);
    }

    /** An approval by the assignee or by the SLA: a signer added after them takes over, else the task completes. */
    private void completeApproval(FlowStore.Instance instance, Task task, Instant now) {
        List<String> after = afterSigners(task);
        if (!after.isEmpty()) {
            tasks.setVariableLocal(task.getId(), AFTER_SIGNERS, new ArrayList<>(after.subList(1, after.size())));
            tasks.setAssignee(task.getId(), after.get(0));
            notifyUser("task_assigned", after.get(0), task);
            return;
        }
        if (isCountersign(task)) {
            String root = countersignRootOrSelf(task);
            runtime.setVariableLocal(root, FlowFacts.APPROVED,
                    FlowFacts.number(runtime.getVariableLocal(root, FlowFacts.APPROVED)) + 1);
        }
        tasks.complete(task.getId());
    }

    /** @return the instance's status after the rejection */
    private String reject(FlowStore.Instance instance, Task task, ActionInput input, String username, Instant now,
                          long duration) {
        record(instance, task, username, "reject", input, null, null, null, duration, now);
        if (isCountersign(task)) {
            String root = countersignRootOrSelf(task);
            int rejected = FlowFacts.number(runtime.getVariableLocal(root, FlowFacts.REJECTED)) + 1;
            int signers = FlowFacts.number(runtime.getVariableLocal(root, "nrOfInstances"));
            FlowBinding.Countersign rule = FlowFacts.countersign(facts.task(task.getProcessDefinitionId(),
                    task.getTaskDefinitionKey()));
            if (!rule.rejectedBy(rejected, signers)) {
                // Enough signers may still approve: this one's no is counted and the countersign goes on.
                runtime.setVariableLocal(root, FlowFacts.REJECTED, rejected);
                tasks.complete(task.getId());
                return instance.status();
            }
        }
        end(instance, REJECTED, "rejected", now);
        return REJECTED;
    }

    /** @return the instance's status after the return */
    private String returnTo(FlowStore.Instance instance, Task task, ActionInput input, String username, Instant now,
                            long duration) {
        String target = input.target();
        Map<String, String> allowed = returnTargets(task);
        if (target == null || !allowed.containsKey(target)) {
            throw invalid("/target", "Return to one of " + allowed.keySet());
        }
        record(instance, task, username, "return", input, target, allowed.get(target), null, duration, now);
        List<String> active = activeActivities(instance.instanceId());
        boolean toInitiator = INITIATOR_TARGET.equals(target);
        runtime.createChangeActivityStateBuilder().processInstanceId(instance.instanceId())
                .moveActivityIdsToSingleActivityId(active, toInitiator ? DeployableProcess.RESUBMIT : target)
                .changeState();
        if (!toInitiator) {
            return instance.status();
        }
        moveRecord(instance.app(), instance.form(), instance.recordId(), RETURNED, instance.instanceId());
        store.setStatus(instance.instanceId(), RETURNED, null);
        return RETURNED;
    }

    private void addSignerAfter(FlowStore.Instance instance, Task task, ActionInput input, String username, Instant now) {
        String to = otherUser(input.user(), username);
        record(instance, task, username, "add_signer_after", input, null, null, List.of(to), null, now);
        if (isCountersign(task)) {
            runtime.addMultiInstanceExecution(task.getTaskDefinitionKey(), instance.instanceId(),
                    Map.of(DeployableProcess.SIGNER, to));
            return;
        }
        List<String> signers = new ArrayList<>(afterSigners(task));
        signers.add(to);
        tasks.setVariableLocal(task.getId(), AFTER_SIGNERS, signers);
    }

    /**
     * Applies the changes an assignee made with their action, as far as the task lets them write (422 otherwise,
     * pointing at {@code /values/field}); the record's version must be the one they saw.
     */
    private void applyValues(FlowStore.Instance instance, Task task, ActionInput input, Authentication user) {
        if (input.values() == null || input.values().isEmpty()) {
            return;
        }
        FormRecords.Access access = taskAccess(instance, task, user);
        List<ApiError.Problem> problems = new ArrayList<>();
        input.values().fieldNames().forEachRemaining(field -> {
            if (!access.writable(field)) {
                problems.add(new ApiError.Problem("/values/" + field, "This step may not change '" + field + "'"));
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "record.invalid",
                    "The task may not change these fields", problems);
        }
        if (input.version() == null) {
            throw invalid("/version", "Name the version of the record you changed");
        }
        Locale locale = Locale.forLanguageTag(FormController.language(null, user));
        ObjectNode values = input.values();
        storeCall(instance.recordId(), () -> access.store().update(instance.recordId(), input.version(),
                values.toString(), access.actor(), locale));
    }

    // ---- the initiator's actions

    /** Takes a record back out of approval, while no approver has acted since it was (re)submitted. */
    @Transactional
    public Outcome withdraw(String instanceId, ActionInput input, Authentication user) {
        FlowStore.Instance instance = lockAsInitiator(instanceId, user);
        if (!withdrawable(instance)) {
            throw ApiException.conflict("flow.not_withdrawable", "An approver has already acted; the record can no "
                    + "longer be withdrawn");
        }
        Instant now = clock.instant();
        attach(input, user.getName(), instanceId);
        store.insertAction(instanceId, null, null, null, user.getName(), "withdraw", comment(input), input.attachments(),
                null, null, null, null, now);
        end(instance, WITHDRAWN, "withdrawn", now);
        return new Outcome(instanceId, WITHDRAWN);
    }

    /** Reminds the current assignees of an instance in approval. */
    @Transactional
    public Outcome urge(String instanceId, ActionInput input, Authentication user) {
        FlowStore.Instance instance = lockAsInitiator(instanceId, user);
        if (!IN_APPROVAL.equals(instance.status())) {
            throw ApiException.conflict("flow.not_in_approval", "Only a record in approval can be urged");
        }
        Instant now = clock.instant();
        List<String> to = new ArrayList<>(new LinkedHashSet<>(currentAssignees(instanceId)));
        store.insertAction(instanceId, null, null, null, user.getName(), "urge", comment(input), List.of(), null, null,
                to, null, now);
        for (String recipient : to) {
            store.notify("urge", recipient, Map.of("instanceId", instanceId, "title", instance.title(),
                    "comment", comment(input) == null ? "" : comment(input)));
        }
        return new Outcome(instanceId, instance.status());
    }

    boolean withdrawable(FlowStore.Instance instance) {
        if (!IN_APPROVAL.equals(instance.status()) && !RETURNED.equals(instance.status())) {
            return false;
        }
        List<FlowStore.Action> actions = store.actions(instance.instanceId());
        for (int i = actions.size() - 1; i >= 0; i--) {
            String action = actions.get(i).action();
            if ("submit".equals(action) || "resubmit".equals(action)) {
                return true;
            }
            if (FlowStore.TASK_ACTIONS.contains(action) && !"transfer".equals(action)) {
                return RETURNED.equals(instance.status());
            }
        }
        return true;
    }

    private FlowStore.Instance lockAsInitiator(String instanceId, Authentication user) {
        FlowStore.Instance instance = store.lock(instanceId).orElseThrow(() -> ApiException.notFound("Process " + instanceId));
        if (!instance.initiator().equals(user.getName())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "flow.not_allowed", "Only the initiator may do this");
        }
        return instance;
    }

    // ---- the SLA's actions

    /**
     * What happens to an overdue task, as the system: remind its assignee, escalate it to their manager, or approve
     * or reject it. Marks the task handled so that it happens once; false when the task is gone or was handled.
     */
    @Transactional
    public boolean overdue(String taskId, Instant now) {
        Task seen = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (seen == null) {
            return false;
        }
        FlowStore.Instance instance = store.lock(seen.getProcessInstanceId()).orElse(null);
        Task task = withLocalVariables(taskId).orElse(null);
        if (instance == null || task == null || task.getTaskLocalVariables().containsKey("mosaicOverdue")) {
            return false;
        }
        ProcessEnds.reset();
        tasks.setVariableLocal(taskId, "mosaicOverdue", true);
        publish("task_overdue", instance, task.getTaskDefinitionKey(), null);
        FlowBinding.Sla sla = facts.task(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).slaOf().orElseThrow();
        ActionInput input = ActionInput.comment(null);
        String status = instance.status();
        switch (sla.onOverdue()) {
            case "remind" -> {
                List<String> to = currentAssignees(task);
                record(instance, task, SYSTEM, "remind", input, null, null, to, null, now);
                to.forEach(user -> notifyUser("overdue", user, task));
            }
            case "escalate" -> {
                Optional<String> manager = task.getAssignee() == null ? Optional.empty()
                        : assignees.managerOf(task.getAssignee(), 1);
                if (manager.isEmpty()) {
                    record(instance, task, SYSTEM, "remind", input, null, null, currentAssignees(task), null, now);
                    currentAssignees(task).forEach(user -> notifyUser("overdue", user, task));
                } else {
                    record(instance, task, SYSTEM, "escalate", input, null, null, List.of(manager.get()), null, now);
                    tasks.setAssignee(taskId, manager.get());
                    notifyUser("task_assigned", manager.get(), task);
                }
            }
            case "auto_approve" -> {
                record(instance, task, SYSTEM, "auto_approve", input, null, null, null,
                        now.toEpochMilli() - task.getCreateTime().getTime(), now);
                completeApproval(instance, task, now);
            }
            case "auto_reject" -> {
                record(instance, task, SYSTEM, "auto_reject", input, null, null, null,
                        now.toEpochMilli() - task.getCreateTime().getTime(), now);
                end(instance, REJECTED, "rejected", now);
                status = REJECTED;
            }
            default -> throw new IllegalStateException("Unknown onOverdue " + sla.onOverdue());
        }
        settle(instance, status);
        return true;
    }

    // ---- what is allowed now

    /** The actions {@code username} may take on {@code task} now. */
    List<String> allowedActions(Task task, String username) {
        if (DeployableProcess.RESUBMIT.equals(task.getTaskDefinitionKey())) {
            return username.equals(task.getAssignee()) ? List.of("resubmit") : List.of();
        }
        if (task.getDelegationState() == DelegationState.PENDING) {
            return username.equals(task.getAssignee()) ? List.of("resolve") : List.of();
        }
        if (task.getAssignee() == null) {
            return isCandidate(task, username) ? List.of("claim") : List.of();
        }
        if (!username.equals(task.getAssignee())) {
            return List.of();
        }
        FlowBinding.Task bound = facts.task(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        List<String> allowed = new ArrayList<>();
        for (String action : bound.actions()) {
            if (!"withdraw".equals(action) && !"urge".equals(action)) {
                allowed.add(action);
            }
        }
        // Only a task offered to several people can have been claimed, and be given back.
        String assignment = bound.assignment().type();
        if (("candidates".equals(assignment) || "roles".equals(assignment)) && !candidateLinks(task).isEmpty()) {
            allowed.add("unclaim");
        }
        return allowed;
    }

    /**
     * Where a return may go: the initiator, and the user tasks this instance has completed that are not active now
     * nor inside a parallel block (whose join would then wait forever for the other branches).
     */
    Map<String, String> returnTargets(Task task) {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(INITIATOR_TARGET, "发起人 / Initiator");
        String diagram = deployments.diagram(task.getProcessDefinitionId());
        FlowBinding binding = deployments.binding(task.getProcessDefinitionId());
        Set<String> active = Set.copyOf(activeActivities(task.getProcessInstanceId()));
        for (HistoricActivityInstance done : history.createHistoricActivityInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).activityType("userTask").finished()
                .orderByHistoricActivityInstanceStartTime().asc().list()) {
            String id = done.getActivityId();
            if (!DeployableProcess.RESUBMIT.equals(id) && !active.contains(id) && !targets.containsKey(id)
                    && !DeployableProcess.insideParallelBlock(diagram, binding.process(), id)) {
                targets.put(id, done.getActivityName() == null ? id : done.getActivityName());
            }
        }
        return targets;
    }

    // ---- reading

    /** The task as its assignee sees it; 404 when it is gone or not theirs to see. */
    @Transactional(readOnly = true)
    public Map<String, Object> taskView(String taskId, Authentication user) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !canSeeTask(task, user.getName())) {
            throw ApiException.notFound("Task " + taskId);
        }
        FlowStore.Instance instance = store.instance(task.getProcessInstanceId()).orElseThrow();
        FormRecords.Access access = taskAccess(instance, task, user);
        ObjectNode record;
        try {
            record = access.store().read(instance.recordId(), RowFilter.ALL, access.hidden())
                    .orElseThrow(() -> ApiException.notFound("Record " + instance.recordId()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String language = FormController.language(null, user);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("taskId", task.getId());
        view.putAll(summary(instance));
        view.put("node", node(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(), language));
        view.put("assignee", task.getAssignee() == null ? null : person(task.getAssignee()));
        view.put("candidate", task.getAssignee() == null);
        view.put("delegated", task.getDelegationState() == DelegationState.PENDING);
        view.put("createdAt", task.getCreateTime().toInstant());
        view.put("dueAt", task.getDueDate() == null ? null : task.getDueDate().toInstant());
        Map<String, String> fieldAccess = new LinkedHashMap<>();
        access.published().permission().fields().forEach((key, granted) ->
                fieldAccess.put(key, granted.name().toLowerCase(Locale.ROOT)));
        view.put("access", fieldAccess);
        List<String> actions = allowedActions(task, user.getName());
        view.put("actions", actions);
        List<Map<String, String>> targets = new ArrayList<>();
        if (actions.contains("return")) {
            returnTargets(task).forEach((id, name) -> targets.add(node(task.getProcessDefinitionId(), id, name, language)));
        }
        view.put("returnTargets", targets);
        view.put("record", record);
        // The form as this step shows it: an approver may have no permission on the form of their own.
        try {
            view.put("formView", FormView.of(access.published(), (ObjectNode) JSON.readTree(access.published().definition()),
                    target -> records.latestModel(instance.app(), target)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A published form is JSON", e);
        }
        return view;
    }

    private boolean canSeeTask(Task task, String username) {
        return username.equals(task.getAssignee()) || username.equals(task.getOwner())
                || task.getAssignee() == null && isCandidate(task, username);
    }

    private FormRecords.Access taskAccess(FlowStore.Instance instance, Task task, Authentication user) {
        if (DeployableProcess.RESUBMIT.equals(task.getTaskDefinitionKey())) {
            return records.access(instance.app(), instance.form(), user, FormAction.READ);
        }
        FlowBinding.Task bound = facts.task(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        return records.forTask(instance.app(), instance.form(), user, field -> {
            FlowBinding.Access own = bound.access(field);
            boolean columnEditable = bound.view().entrySet().stream().anyMatch(e ->
                    e.getKey().startsWith(field + ".") && e.getValue() == FlowBinding.Access.EDITABLE);
            return own == FlowBinding.Access.HIDDEN ? FieldAccess.HIDDEN
                    : own == FlowBinding.Access.EDITABLE || columnEditable ? FieldAccess.EDITABLE : FieldAccess.READ_ONLY;
        });
    }

    /** An instance with its timeline, for whoever takes part in it or may read its record; 404 for others. */
    @Transactional(readOnly = true)
    public Map<String, Object> instanceView(String instanceId, Authentication user) {
        FlowStore.Instance instance = visibleInstance(instanceId, user);
        store.markCopiesRead(instanceId, user.getName(), clock.instant());
        String language = FormController.language(null, user);
        Map<String, Object> view = new LinkedHashMap<>(summary(instance));
        view.put("nodes", currentNodes(instanceId, language));
        List<String> actions = new ArrayList<>();
        if (instance.initiator().equals(user.getName())) {
            if (withdrawable(instance)) {
                actions.add("withdraw");
            }
            if (IN_APPROVAL.equals(instance.status())) {
                actions.add("urge");
            }
        }
        view.put("actions", actions);
        view.put("timeline", timeline(instanceId, language));
        return view;
    }

    /** The analyst's diagram of the version the instance runs, with its active and completed elements. */
    @Transactional(readOnly = true)
    public Map<String, Object> diagram(String instanceId, Authentication user) {
        visibleInstance(instanceId, user);
        String definitionId = definitionOf(instanceId);
        Set<String> active = new LinkedHashSet<>(activeActivities(instanceId));
        active.remove(DeployableProcess.RESUBMIT);
        Set<String> completed = new LinkedHashSet<>();
        for (HistoricActivityInstance done : history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .finished().list()) {
            if (!DeployableProcess.RESUBMIT.equals(done.getActivityId())
                    && !done.getActivityId().startsWith(DeployableProcess.RESUBMIT)) {
                completed.add(done.getActivityId());
            }
        }
        completed.removeAll(active);
        String bpmn = DiagramNames.in(deployments.diagram(definitionId), deployments.binding(definitionId),
                FormController.language(null, user));
        return Map.of("bpmn", bpmn, "active", active, "completed", completed);
    }

    /** A record's place in its workflow, with what this user may do about it. */
    @Transactional(readOnly = true)
    public Map<String, Object> recordWorkflow(String app, String form, long recordId, Authentication user) {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        ObjectNode record = visible(access, recordId);
        String status = record.path(SystemColumns.WORKFLOW_STATUS).asText(DRAFT);
        Optional<FlowStore.Instance> instance = store.latestOf(app, form, recordId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", status);
        view.put("instanceId", instance.map(FlowStore.Instance::instanceId).orElse(null));
        List<String> actions = new ArrayList<>();
        boolean maySubmit = access.permission().allows(FormAction.UPDATE) || access.permission().allows(FormAction.CREATE);
        boolean bound = deployments.starting(app, form).isPresent();
        if (bound && maySubmit && (DRAFT.equals(status) || REJECTED.equals(status) || WITHDRAWN.equals(status))) {
            actions.add("submit");
        }
        if (instance.isPresent() && instance.get().initiator().equals(user.getName())) {
            if (RETURNED.equals(status)) {
                actions.add("submit");
            }
            if (withdrawable(instance.get())) {
                actions.add("withdraw");
            }
            if (IN_APPROVAL.equals(status)) {
                actions.add("urge");
            }
        }
        view.put("bound", bound);
        view.put("actions", actions);
        String language = FormController.language(null, user);
        view.put("nodes", instance.map(i -> currentNodes(i.instanceId(), language)).orElse(List.of()));
        view.put("timeline", instance.map(i -> timeline(i.instanceId(), language)).orElse(List.of()));
        return view;
    }

    /** Whether the user takes part in the instance or may read its record. */
    boolean mayView(String instanceId, Authentication user) {
        try {
            visibleInstance(instanceId, user);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private FlowStore.Instance visibleInstance(String instanceId, Authentication user) {
        FlowStore.Instance instance = store.instance(instanceId).orElseThrow(() -> ApiException.notFound("Process " + instanceId));
        String username = user.getName();
        boolean takesPart = instance.initiator().equals(username) || store.actedOn(instanceId, username)
                || store.copiedTo(instanceId, username) || CurrentUser.principal(user).isAdmin()
                || tasks.createTaskQuery().processInstanceId(instanceId).list().stream()
                .anyMatch(task -> canSeeTask(task, username));
        if (takesPart) {
            return instance;
        }
        Optional<FormRecords.Access> readable = records.readable(instance.app(), instance.form(), user);
        try {
            if (readable.isPresent() && readable.get().store().read(instance.recordId(), readable.get().rows(),
                    readable.get().hidden()).isPresent()) {
                return instance;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw ApiException.notFound("Process " + instanceId);
    }

    Map<String, Object> summary(FlowStore.Instance instance) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("instanceId", instance.instanceId());
        summary.put("app", instance.app());
        summary.put("form", instance.form());
        summary.put("formName", records.latestOrFail(instance.app(), instance.form()).validator().schema().form().name());
        summary.put("recordId", instance.recordId());
        summary.put("title", instance.title());
        summary.put("status", instance.status());
        summary.put("initiator", person(instance.initiator()));
        summary.put("startedAt", instance.startedAt());
        summary.put("endedAt", instance.endedAt());
        return summary;
    }

    List<Map<String, Object>> currentNodes(String instanceId, String language) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
            Map<String, Object> node = nodes.computeIfAbsent(task.getTaskDefinitionKey(), key -> {
                Map<String, Object> created = new LinkedHashMap<>(node(task.getProcessDefinitionId(), key, task.getName(),
                        language));
                created.put("assignees", new ArrayList<Map<String, Object>>());
                return created;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> people = (List<Map<String, Object>>) node.get("assignees");
            currentAssignees(task).forEach(user -> people.add(person(user)));
        }
        return List.copyOf(nodes.values());
    }

    List<Map<String, Object>> timeline(String instanceId, String language) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String definitionId = definitionOf(instanceId);
        for (FlowStore.Action action : store.actions(instanceId)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", action.actedAt());
            entry.put("actor", action.actor() == null ? null : person(action.actor()));
            entry.put("action", action.action());
            entry.put("node", action.nodeId() == null ? null
                    : node(definitionId, action.nodeId(), action.nodeName(), language));
            entry.put("comment", action.comment());
            entry.put("attachments", action.attachments() == null ? List.of() : attachmentsOf(action.attachments()));
            entry.put("target", action.targetId() == null ? null
                    : node(definitionId, action.targetId(), action.targetName(), language));
            List<Map<String, Object>> to = new ArrayList<>();
            if (action.toUsers() != null) {
                FlowStore.strings(action.toUsers()).forEach(user -> to.add(person(user)));
            }
            entry.put("to", to);
            entry.put("durationMs", action.durationMs());
            entries.add(entry);
        }
        return entries;
    }

    private List<Map<String, Object>> attachmentsOf(String ids) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (String id : FlowStore.strings(ids)) {
            store.attachment(id).ifPresent(a -> found.add(Map.of("id", a.id(), "name", a.name(), "size", a.size())));
        }
        return found;
    }

    Map<String, Object> person(String username) {
        return assignees.person(username);
    }

    // ---- internals

    /**
     * After the engine moved: completes tasks that resolved to nobody with a skip fallback, then, when the process
     * has ended on its own, marks the record approved.
     *
     * @param status the instance's status as this call left it
     */
    private Outcome settle(FlowStore.Instance instance, String status) {
        String instanceId = instance.instanceId();
        if (!IN_APPROVAL.equals(status) && !RETURNED.equals(status)) {
            return new Outcome(instanceId, status);
        }
        Instant now = clock.instant();
        while (TaskSetup.SKIPPED.get()) {
            TaskSetup.SKIPPED.set(false);
            for (Task task : tasks.createTaskQuery().processInstanceId(instanceId)
                    .taskVariableValueEquals(TaskSetup.SKIP, true).list()) {
                store.insertAction(instanceId, task.getId(), task.getTaskDefinitionKey(), nodeName(task), SYSTEM, "skip",
                        "Nobody is assigned; skipped as configured", List.of(), null, null, null, 0L, now);
                if (isCountersign(task)) {
                    String root = countersignRootOrSelf(task);
                    runtime.setVariableLocal(root, FlowFacts.APPROVED,
                            FlowFacts.number(runtime.getVariableLocal(root, FlowFacts.APPROVED)) + 1);
                }
                tasks.complete(task.getId());
            }
        }
        if (!ProcessEnds.ended(instanceId)) {
            return new Outcome(instanceId, status);
        }
        store.setStatus(instanceId, APPROVED, now);
        moveRecord(instance.app(), instance.form(), instance.recordId(), APPROVED, instanceId);
        publish("approved", instance, null, null);
        store.notify("approved", instance.initiator(), Map.of("instanceId", instanceId, "title", instance.title()));
        return new Outcome(instanceId, APPROVED);
    }

    private void end(FlowStore.Instance instance, String status, String reason, Instant now) {
        runtime.deleteProcessInstance(instance.instanceId(), reason);
        if (REJECTED.equals(status)) {
            publish("rejected", instance, null, null);
        }
        store.setStatus(instance.instanceId(), status, now);
        moveRecord(instance.app(), instance.form(), instance.recordId(), status, instance.instanceId());
        store.notify(status, instance.initiator(), Map.of("instanceId", instance.instanceId(), "title", instance.title()));
    }

    private void publish(String type, FlowStore.Instance instance, String task, String actor) {
        events.publishEvent(new WorkflowEvent(type, instance.app(), instance.form(), instance.recordId(),
                instance.instanceId(), task, actor));
    }

    private void moveRecord(String app, String form, long recordId, String status, String instanceId) {
        try {
            records.systemStore(app, form).setWorkflow(recordId, status, instanceId);
        } catch (RecordNotFoundException e) {
            throw FormRecords.notFound(recordId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the workflow status of record " + recordId, e);
        }
    }

    private void record(FlowStore.Instance instance, Task task, String actor, String action, ActionInput input,
                        String targetId, String targetName, List<String> to, Long duration, Instant now) {
        store.insertAction(instance.instanceId(), task.getId(), task.getTaskDefinitionKey(), nodeName(task), actor, action,
                comment(input), input.attachments(), targetId, targetName, to, duration, now);
    }

    private void notifyUser(String topic, String username, Task task) {
        store.notify(topic, username, facts.taskNotice(task.getId(), task.getProcessInstanceId(),
                task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName()));
    }

    private void attach(ActionInput input, String username, String instanceId) {
        if (input.attachments() != null && !input.attachments().isEmpty()
                && !store.attach(input.attachments(), username, instanceId)) {
            throw invalid("/attachments", "Attach only files you uploaded for this comment and did not use yet");
        }
    }

    private boolean isCountersign(Task task) {
        return !DeployableProcess.RESUBMIT.equals(task.getTaskDefinitionKey())
                && deployments.multiInstance(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    /** A parallel multi-instance task runs in a child of the execution that holds the countersign's counters. */
    private String countersignRootOrSelf(Task task) {
        Execution execution = runtime.createExecutionQuery().executionId(task.getExecutionId()).singleResult();
        return execution.getParentId() == null ? execution.getId() : execution.getParentId();
    }

    List<String> activeActivities(String instanceId) {
        List<String> active = new ArrayList<>();
        for (Execution execution : runtime.createExecutionQuery().processInstanceId(instanceId).onlyChildExecutions().list()) {
            if (execution.getActivityId() != null && !active.contains(execution.getActivityId())) {
                active.add(execution.getActivityId());
            }
        }
        return active;
    }

    private List<String> currentAssignees(String instanceId) {
        List<String> users = new ArrayList<>();
        tasks.createTaskQuery().processInstanceId(instanceId).list().forEach(task -> users.addAll(currentAssignees(task)));
        return users;
    }

    private List<String> currentAssignees(Task task) {
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        Set<String> users = new LinkedHashSet<>();
        for (IdentityLink link : candidateLinks(task)) {
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                users.addAll(assignees.holders(List.of(link.getGroupId())));
            }
        }
        return List.copyOf(users);
    }

    private List<IdentityLink> candidateLinks(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
    }

    private boolean isCandidate(Task task, String username) {
        List<String> roles = assignees.rolesOf(username);
        return candidateLinks(task).stream().anyMatch(link -> username.equals(link.getUserId())
                || link.getGroupId() != null && roles.contains(link.getGroupId()));
    }

    /** The task with its local variables, which {@link #afterSigners} reads. */
    private Optional<Task> withLocalVariables(String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).includeTaskLocalVariables().singleResult());
    }

    /** Signers added after the assignee, still to sign, from a task read {@link #withLocalVariables}. */
    @SuppressWarnings("unchecked")
    private static List<String> afterSigners(Task task) {
        Object after = task.getTaskLocalVariables().get(AFTER_SIGNERS);
        return after == null ? List.of() : (List<String>) after;
    }

    private Task taskOrGone(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        if (history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0) {
            throw taskGone();
        }
        throw ApiException.notFound("Task " + taskId);
    }

    /**
     * The platform's own error when one of its callbacks (a gateway condition, an assignment) failed inside the
     * engine, which wraps it; the engine's error as it is otherwise.
     */
    private static RuntimeException unwrapped(FlowableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
        }
        return e;
    }

    private static ApiException taskGone() {
        return ApiException.conflict("flow.task_gone", "Someone else already acted on this task");
    }

    private String otherUser(String named, String self) {
        if (named == null || named.isBlank()) {
            throw invalid("/user", "Name the user");
        }
        String user = assignees.user(named.trim()).orElseThrow(() -> invalid("/user", "No enabled user '" + named + "'"));
        if (user.equals(self)) {
            throw invalid("/user", "Name someone other than yourself");
        }
        return user;
    }

    private List<String> users(List<String> named, String pointer) {
        if (named == null || named.isEmpty()) {
            throw invalid(pointer, "Name at least one user");
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            String name = named.get(i);
            int at = i;
            found.add(assignees.user(name == null ? "" : name.trim())
                    .orElseThrow(() -> invalid(pointer + "/" + at, "No enabled user '" + name + "'")));
        }
        return found;
    }

    private static String nodeName(Task task) {
        return task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    }

    /**
     * A step as a reader of {@code language} sees it: the BPMN (and the timeline, which keeps the name a step had
     * when it was acted on) holds one name, the binding of the version the instance runs its translations.
     */
    Map<String, String> node(String definitionId, String id, String name, String language) {
        String shown = INITIATOR_TARGET.equals(id) ? ("en".equals(language) ? "Initiator" : "发起人")
                : deployments.binding(definitionId).nameOf(id, language, name);
        return Map.of("id", id, "name", shown);
    }

    /** The process version an instance runs, running or ended. */
    String definitionOf(String instanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getProcessDefinitionId();
    }

    private static String comment(ActionInput input) {
        return input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
    }

    private static ApiException invalid(String pointer, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", message,
                List.of(new ApiError.Problem(pointer, message)));
    }

    private ObjectNode visible(FormRecords.Access access, long recordId) {
        try {
            return access.visible(recordId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode readAll(String app, String form, long recordId) {
        try {
            return records.systemStore(app, form).read(recordId, RowFilter.ALL, Set.of())
                    .orElseThrow(() -> FormRecords.notFound(recordId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String title(FormModel model, ObjectNode record, long recordId) {
        JsonNode value = model.titleField() == null ? null : record.get(model.titleField());
        String title = value == null || value.isNull() || value.asText().isBlank()
                ? model.name().en() + " #" + recordId : value.asText();
        return title.length() > 500 ? title.substring(0, 500) : title;
    }

    private static ObjectNode members(String json) {
        try {
            JsonNode node = json == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            return node instanceof ObjectNode object ? object : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static <T> T storeCall(long id, FormRecords.StoreCall<T> work) {
        try {
            return FormRecords.call(id, work);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
