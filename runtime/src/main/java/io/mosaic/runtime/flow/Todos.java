package io.mosaic.runtime.flow;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.runtime.web.ApiException;

/**
 * To-dos that rules hand to a user or a role ("stock below safety level → to-do for purchasing"): Flowable tasks of
 * no process, so that they sit in the same to-do box, count and role-candidate claiming as approval tasks, and commit
 * or roll back with the save or step that made them.
 */
@Component
public class Todos {

    /** The category that tells a rule's to-do from any other task without a process. */
    static final String CATEGORY = "mosaic.todo";

    private static final String APP = "mosaic_app";
    private static final String FORM = "mosaic_form";
    private static final String RECORD = "mosaic_record";
    private static final String TITLE_ZH = "mosaic_title_zh";
    private static final String TITLE_EN = "mosaic_title_en";
    private static final String BODY_ZH = "mosaic_body_zh";
    private static final String BODY_EN = "mosaic_body_en";

    private final TaskService tasks;
    private final FlowInbox inbox;

    Todos(TaskService tasks, FlowInbox inbox) {
        this.tasks = tasks;
        this.inbox = inbox;
    }

    /**
     * A to-do about a record: assigned when it goes to exactly one user, otherwise offered to the users and the
     * holders of the roles, one of whom takes it by marking it done.
     *
     * @return the to-do's id, or {@code null} when there is nobody to give it to
     */
    public String create(String app, String form, Long recordId, LocalizedText title, LocalizedText body, Instant due,
                         Collection<String> users, Collection<String> roles) {
        if (users.isEmpty() && roles.isEmpty()) {
            return null;
        }
        Task task = tasks.newTask();
        task.setName(title.en());
        task.setDescription(body == null ? null : body.en());
        task.setCategory(CATEGORY);
        task.setTenantId(app);
        task.setDueDate(due == null ? null : Date.from(due));
        if (users.size() == 1 && roles.isEmpty()) {
            task.setAssignee(users.iterator().next());
        }
        tasks.saveTask(task);
        if (task.getAssignee() == null) {
            users.forEach(user -> tasks.addCandidateUser(task.getId(), user));
            roles.forEach(role -> tasks.addCandidateGroup(task.getId(), role));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(APP, app);
        facts.put(FORM, form);
        facts.put(RECORD, recordId);
        facts.put(TITLE_ZH, title.zhCN());
        facts.put(TITLE_EN, title.en());
        facts.put(BODY_ZH, body == null ? null : body.zhCN());
        facts.put(BODY_EN, body == null ? null : body.en());
        tasks.setVariablesLocal(task.getId(), facts);
        return task.getId();
    }

    /** Marks a to-do of the user's (assigned, or offered to them or their roles) done; 404 for anyone else's. */
    @Transactional
    public void done(String todoId, Authentication user) {
        Task task = inbox.todo(user.getName(), null).taskId(todoId).taskCategory(CATEGORY).singleResult();
        if (task == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "flow.todo_not_found",
                    "No open to-do '" + todoId + "' of yours");
        }
        if (task.getAssignee() == null) {
            tasks.claim(todoId, user.getName());
        }
        tasks.complete(todoId);
    }

    /** A to-do as the to-do box lists it, in the fields an approval task has where they mean the same. */
    static Map<String, Object> item(Task task) {
        Map<String, Object> facts = task.getTaskLocalVariables();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("taskId", task.getId());
        item.put("kind", "todo");
        item.put("app", facts.get(APP));
        item.put("form", facts.get(FORM));
        item.put("recordId", facts.get(RECORD));
        item.put("title", texts(facts.get(TITLE_ZH), facts.get(TITLE_EN)));
        item.put("body", facts.get(BODY_EN) == null ? null : texts(facts.get(BODY_ZH), facts.get(BODY_EN)));
        item.put("createdAt", task.getCreateTime().toInstant());
        item.put("dueAt", task.getDueDate() == null ? null : task.getDueDate().toInstant());
        item.put("overdue", task.getDueDate() != null && task.getDueDate().getTime() < System.currentTimeMillis());
        item.put("candidate", task.getAssignee() == null);
        return item;
    }

    static boolean isTodo(Task task) {
        return CATEGORY.equals(task.getCategory()) && task.getProcessInstanceId() == null;
    }

    private static Map<String, Object> texts(Object zh, Object en) {
        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put("zh-CN", zh);
        texts.put("en", en);
        return texts;
    }
}
