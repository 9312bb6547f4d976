package io.mosaic.runtime.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Acts on overdue tasks as their SLA says (remind, escalate, auto-approve, auto-reject), once per task. Each task
 * is handled in its own transaction with its instance locked ({@link FlowService#overdue}), so several nodes may
 * sweep at once and a task is still handled once.
 */
@Component
public class FlowSla {

    private static final Logger LOG = LoggerFactory.getLogger(FlowSla.class);
    private static final int BATCH = 200;

    private final TaskService tasks;
    private final FlowService flows;
    private final Clock clock = Clock.systemUTC();

    FlowSla(TaskService tasks, FlowService flows) {
        this.tasks = tasks;
        this.flows = flows;
    }

    @Scheduled(fixedDelayString = "${mosaic.flow.sla-sweep:PT1M}", initialDelayString = "${mosaic.flow.sla-sweep:PT1M}")
    void scheduled() {
        sweep(clock.instant());
    }

    /**
     * Handles the tasks due before {@code now}; the time is a parameter so that tests move it.
     *
     * @return how many tasks were handled
     */
    public int sweep(Instant now) {
        int handled = 0;
        int offset = 0;
        while (true) {
            var due = tasks.createTaskQuery().taskDueBefore(Date.from(now))
                    .orderByTaskDueDate().asc().listPage(offset, BATCH);
            for (Task task : due) {
                try {
                    if (flows.overdue(task.getId(), now)) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Overdue task {} of process {} could not be handled: {}", task.getId(),
                            task.getProcessInstanceId(), e.getMessage());
                }
            }
            if (due.size() < BATCH) {
                return handled;
            }
            offset += BATCH;
        }
    }
}
