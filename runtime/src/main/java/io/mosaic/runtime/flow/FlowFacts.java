package io.mosaic.runtime.flow;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.variable.api.delegate.VariableScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.mosaic.flow.run.DeployableProcess;
import io.mosaic.flow.run.FlowBinding;
import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * What the generated expressions of a deployed process ({@link DeployableProcess}) call, under the name
 * {@value DeployableProcess#BEAN}: gateway conditions in the formula language over the record, the signers of a
 * countersign and whether it is decided. Also what the platform knows of a running instance from its variables.
 */
@Component(DeployableProcess.BEAN)
public class FlowFacts {

    static final String APP = "mosaicApp";
    static final String FORM = "mosaicForm";
    static final String RECORD = "mosaicRecord";
    static final String INITIATOR = "mosaicInitiator";
    static final String APPROVED = "mosaicApproved";
    static final String REJECTED = "mosaicRejected";

    private final FlowDeployments deployments;
    private final FormRecords records;
    private final Assignees assignees;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

    FlowFacts(FlowDeployments deployments, FormRecords records, Assignees assignees) {
        this.deployments = deployments;
        this.records = records;
        this.assignees = assignees;
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

    /** The signers of the multi-instance task being entered: its assignment, else its fallback user, else nobody. */
    public List<String> signers(DelegateExecution execution) {
        FlowBinding.Task task = task(execution.getProcessDefinitionId(), execution.getCurrentActivityId());
        Assignees.Resolved resolved = assignees.resolve(task.assignment(), initiator(execution), facts(execution));
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

    FlowBinding.Task task(String processDefinitionId, String taskKey) {
        return deployments.binding(processDefinitionId).task(taskKey).orElseThrow(() ->
                new IllegalStateException("The binding has no task " + taskKey));
    }

    FormulaContext facts(VariableScope scope) {
        try {
            return records.facts((String) scope.getVariable(APP), (String) scope.getVariable(FORM),
                    ((Number) scope.getVariable(RECORD)).longValue(), clock);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the record of the process", e);
        }
    }

    static String initiator(VariableScope scope) {
        return (String) scope.getVariable(INITIATOR);
    }

    static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    static String app(DelegateTask task) {
        return (String) task.getVariable(APP);
    }
}
