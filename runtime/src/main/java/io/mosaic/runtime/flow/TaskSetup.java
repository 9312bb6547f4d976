package io.mosaic.runtime.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.mosaic.flow.run.DeployableProcess;
import io.mosaic.flow.run.FlowBinding;

/**
 * Sets up every user task of a deployed process when it is created ({@value DeployableProcess#TASK_LISTENER}):
 * the assignee or candidates from the binding's assignment (a countersign's signer from its element variable, the
 * resubmit step's from the initiator), the fallback when nobody resolves, the due date from the SLA, and a
 * notification to whoever now has the task. A task to skip is marked for the platform to complete once the engine's
 * call returns ({@link FlowService}), since a listener cannot complete the task being created.
 */
@Component(DeployableProcess.TASK_LISTENER)
public class TaskSetup implements TaskListener {

    static final String SKIP = "mosaicSkip";
    /** Whether this thread marked a task to skip since the platform last looked: most calls mark none. */
    static final ThreadLocal<Boolean> SKIPPED = ThreadLocal.withInitial(() -> false);

    private final FlowFacts facts;
    private final Assignees assignees;
    private final FlowStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    TaskSetup(FlowFacts facts, Assignees assignees, FlowStore store, ApplicationEventPublisher events) {
        this.events = events;
        this.facts = facts;
        this.assignees = assignees;
        this.store = store;
    }

    @Override
    public void notify(DelegateTask task) {
        Instant now = clock.instant();
        FlowFacts.Context context = FlowFacts.context(task);
        events.publishEvent(new WorkflowEvent("task_created", context.app(), context.form(), context.recordId(),
                task.getProcessInstanceId(), task.getTaskDefinitionKey(), null));
        if (DeployableProcess.RESUBMIT.equals(task.getTaskDefinitionKey())) {
            assign(task, FlowFacts.initiator(task));
            return;
        }
        FlowBinding.Task bound = facts.task(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        bound.slaOf().ifPresent(sla -> task.setDueDate(Date.from(sla.dueFrom(now))));
        Object signer = task.getVariableLocal(DeployableProcess.SIGNER);
        if (signer == null) {
            // The element variable lives on the task's execution, not on the task.
            signer = task.getVariable(DeployableProcess.SIGNER);
        }
        if (signer instanceof String username) {
            assign(task, username);
            return;
        }
        Assignees.Resolved resolved = assignees.resolve(bound.assignment(), FlowFacts.initiator(task), () -> facts.facts(task));
        if (resolved.users().size() == 1 && resolved.groups().isEmpty()) {
            assign(task, resolved.users().get(0));
        } else if (!resolved.nobody()) {
            resolved.users().forEach(task::addCandidateUser);
            resolved.groups().forEach(task::addCandidateGroup);
            List<String> recipients = new java.util.ArrayList<>(resolved.users());
            recipients.addAll(assignees.holders(resolved.groups()));
            recipients.stream().distinct().forEach(user -> notifyAssigned(task, user));
        } else if (!bound.fallback().skip() && assignees.user(bound.fallback().user()).isPresent()) {
            assign(task, assignees.user(bound.fallback().user()).get());
        } else {
            task.setVariableLocal(SKIP, true);
            SKIPPED.set(true);
        }
    }

    private void assign(DelegateTask task, String username) {
        task.setAssignee(username);
        notifyAssigned(task, username);
    }

    private void notifyAssigned(DelegateTask task, String username) {
        store.notify("task_assigned", username, facts.taskNotice(task.getId(), task.getProcessInstanceId(),
                task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName()));
    }
}
