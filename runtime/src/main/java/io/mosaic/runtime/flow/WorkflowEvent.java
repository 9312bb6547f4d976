package io.mosaic.runtime.flow;

/**
 * Something happened in a record's approval, published inside the transaction that did it (rule sets with these
 * triggers run then): {@code submitted}, {@code approved}, {@code rejected}, {@code task_created},
 * {@code task_completed}, {@code task_overdue}.
 *
 * @param task  the user task's id in the process, for task events; null otherwise
 * @param actor the username who caused it; null for the system
 */
public record WorkflowEvent(String type, String app, String form, long recordId, String instanceId, String task,
                            String actor) {
}
