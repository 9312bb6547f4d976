package io.mosaic.runtime.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.runtime.form.FormController;
import io.mosaic.runtime.web.ApiException;

/** A user's inbox: to-do tasks (assigned, or to claim) and rules' to-dos, done, started by them, copied to them. */
@Component
public class FlowInbox {

    static final List<String> BOXES = List.of("todo", "done", "started", "cc");

    /** One page of a box. */
    public record Page(List<Map<String, Object>> items, long total, int page, int size) {
    }

    private final TaskService tasks;
    private final FlowStore store;
    private final FlowService flows;
    private final Assignees assignees;

    FlowInbox(TaskService tasks, FlowStore store, FlowService flows, Assignees assignees) {
        this.tasks = tasks;
        this.store = store;
        this.flows = flows;
        this.assignees = assignees;
    }

    @Transactional(readOnly = true)
    public Map<String, Long> counts(Authentication user) {
        String username = user.getName();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("todo", todo(username, null).count());
        counts.put("done", store.countDoneBy(username, null));
        counts.put("started", store.countStartedBy(username, null, null));
        counts.put("cc", store.countCopiesTo(username, null, true));
        return counts;
    }

    @Transactional(readOnly = true)
    public Page page(String box, Authentication user, String app, String q, int page, int size) {
        if (!BOXES.contains(box)) {
            throw ApiException.notFound("Inbox box '" + box + "' (one of " + BOXES + ")");
        }
        String username = user.getName();
        String language = FormController.language(null, user);
        int offset = page * size;
        List<String> matching = store.matching(app, q);
        return switch (box) {
            case "todo" -> {
                TaskQuery query = todo(username, matching);
                List<Task> found = query.includeTaskLocalVariables().orderByTaskCreateTime().desc().listPage(offset, size);
                Map<String, FlowStore.Instance> instances = instances(found.stream().map(Task::getProcessInstanceId)
                        .filter(Objects::nonNull).toList());
                List<Map<String, Object>> items = new ArrayList<>();
                for (Task task : found) {
                    if (Todos.isTodo(task)) {
                        items.add(Todos.item(task));
                        continue;
                    }
                    FlowStore.Instance instance = instances.get(task.getProcessInstanceId());
                    if (instance == null) {
                        continue;
                    }
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("taskId", task.getId());
                    item.putAll(flows.summary(instance));
                    item.put("node", flows.node(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(),
                            language));
                    item.put("createdAt", task.getCreateTime().toInstant());
                    item.put("dueAt", task.getDueDate() == null ? null : task.getDueDate().toInstant());
                    item.put("overdue", task.getDueDate() != null && task.getDueDate().getTime() < System.currentTimeMillis());
                    item.put("candidate", task.getAssignee() == null);
                    items.add(item);
                }
                yield new Page(items, query.count(), page, size);
            }
            case "done" -> {
                List<FlowStore.Action> done = store.doneBy(username, matching, offset, size);
                Map<String, FlowStore.Instance> instances = instances(done.stream().map(FlowStore.Action::instanceId).toList());
                List<Map<String, Object>> items = new ArrayList<>();
                Map<String, String> definitions = new HashMap<>();
                for (FlowStore.Action action : done) {
                    Map<String, Object> item = new LinkedHashMap<>(flows.summary(instances.get(action.instanceId())));
                    item.put("node", flows.node(definitions.computeIfAbsent(action.instanceId(), flows::definitionOf), action.nodeId(), action.nodeName(),
                            language));
                    item.put("action", action.action());
                    item.put("actedAt", action.actedAt());
                    item.put("comment", action.comment());
                    items.add(item);
                }
                yield new Page(items, store.countDoneBy(username, matching), page, size);
            }
            case "started" -> {
                List<Map<String, Object>> items = new ArrayList<>();
                for (FlowStore.Instance instance : store.startedBy(username, app, q, offset, size)) {
                    Map<String, Object> item = new LinkedHashMap<>(flows.summary(instance));
                    item.put("nodes", flows.currentNodes(instance.instanceId(), language));
                    items.add(item);
                }
                yield new Page(items, store.countStartedBy(username, app, q), page, size);
            }
            default -> {
                List<FlowStore.Copy> copies = store.copiesTo(username, matching, offset, size);
                Map<String, FlowStore.Instance> instances = instances(copies.stream().map(FlowStore.Copy::instanceId).toList());
                List<Map<String, Object>> items = new ArrayList<>();
                for (FlowStore.Copy copy : copies) {
                    Map<String, Object> item = new LinkedHashMap<>(flows.summary(instances.get(copy.instanceId())));
                    item.put("from", copy.fromUser() == null ? null : assignees.person(copy.fromUser()));
                    item.put("createdAt", copy.createdAt());
                    item.put("read", copy.readAt() != null);
                    items.add(item);
                }
                yield new Page(items, store.countCopiesTo(username, matching, false), page, size);
            }
        };
    }

    /**
     * Tasks assigned to the user or offered to them (by name or by one of their roles) and not claimed, rules' to-dos
     * among them unless the box is narrowed to instances.
     */
    TaskQuery todo(String username, List<String> instanceIds) {
        TaskQuery query = tasks.createTaskQuery().taskCandidateOrAssigned(username).active();
        List<String> roles = assignees.rolesOf(username);
        if (!roles.isEmpty()) {
            // Flowable looks groups up in its own identity engine, which is off: the user's roles are given here.
            query.taskCandidateGroupIn(roles);
        }
        if (instanceIds != null) {
            query.processInstanceIdIn(instanceIds.isEmpty() ? List.of("-") : instanceIds);
        }
        return query;
    }

    private Map<String, FlowStore.Instance> instances(List<String> ids) {
        return store.instances(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(FlowStore.Instance::instanceId, Function.identity()));
    }
}
