package io.mosaic.runtime.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.runtime.notify.Notifications;

/** The platform's workflow tables (MO_FLOW_*) and its notifications; every write joins the caller's transaction. */
@Component
class FlowStore {

    /** The platform's side of one process instance. */
    record Instance(String instanceId, String app, String form, long recordId, String binding, String title,
                    String initiator, String status, Instant startedAt, Instant endedAt) {
    }

    /** One action in an instance's timeline. */
    record Action(long id, String instanceId, String taskId, String nodeId, String nodeName, String actor, String action,
                  String comment, String attachments, String targetId, String targetName, String toUsers,
                  Long durationMs, Instant actedAt) {
    }

    /** One copy sent to a user. */
    record Copy(long id, String instanceId, String username, String fromUser, Instant createdAt, Instant readAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Notifications notifications;

    FlowStore(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    void insertInstance(Instance instance) {
        jdbc.sql("INSERT INTO MO_FLOW_INSTANCE (instance_id, app_key, form_key, record_id, binding_key, title, initiator, "
                        + "status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(instance.instanceId(), instance.app(), instance.form(), instance.recordId(), instance.binding(),
                        instance.title(), instance.initiator(), instance.status(), ts(instance.startedAt()))
                .update();
    }

    /** The instance, locked until the transaction ends: actions on one instance take turns. */
    Optional<Instance> lock(String instanceId) {
        return jdbc.sql("SELECT * FROM MO_FLOW_INSTANCE WHERE instance_id = ? FOR UPDATE").param(instanceId)
                .query(FlowStore::instance).optional();
    }

    Optional<Instance> instance(String instanceId) {
        return jdbc.sql("SELECT * FROM MO_FLOW_INSTANCE WHERE instance_id = ?").param(instanceId)
                .query(FlowStore::instance).optional();
    }

    List<Instance> instances(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM MO_FLOW_INSTANCE WHERE instance_id IN (:ids)").param("ids", ids)
                .query(FlowStore::instance).list();
    }

    /** The newest instance of a record, if it was ever submitted. */
    Optional<Instance> latestOf(String app, String form, long recordId) {
        return jdbc.sql("SELECT * FROM MO_FLOW_INSTANCE WHERE app_key = ? AND form_key = ? AND record_id = ? "
                        + "ORDER BY started_at DESC, instance_id DESC")
                .params(app, form, recordId).query(FlowStore::instance).stream().findFirst();
    }

    void setStatus(String instanceId, String status, Instant endedAt) {
        jdbc.sql("UPDATE MO_FLOW_INSTANCE SET status = ?, ended_at = ? WHERE instance_id = ?")
                .params(status, endedAt == null ? null : ts(endedAt), instanceId).update();
    }

    void insertAction(String instanceId, String taskId, String nodeId, String nodeName, String actor, String action,
                      String comment, List<?> attachments, String targetId, String targetName, List<String> toUsers,
                      Long durationMs, Instant at) {
        jdbc.sql("INSERT INTO MO_FLOW_ACTION (instance_id, task_id, node_id, node_name, actor, action, comment, "
                        + "attachments, target_id, target_name, to_users, duration_ms, acted_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(instanceId, taskId, nodeId, nodeName, actor, action, comment,
                        attachments == null || attachments.isEmpty() ? null : json(attachments), targetId, targetName,
                        toUsers == null || toUsers.isEmpty() ? null : json(toUsers), durationMs, ts(at))
                .update();
    }

    List<Action> actions(String instanceId) {
        return jdbc.sql("SELECT * FROM MO_FLOW_ACTION WHERE instance_id = ? ORDER BY id").param(instanceId)
                .query(FlowStore::action).list();
    }

    /** What a user did on tasks, newest first: the done box. */
    List<Action> doneBy(String username, List<String> instanceIds, int offset, int limit) {
        return jdbc.sql("SELECT * FROM MO_FLOW_ACTION WHERE actor = :actor AND action IN (:actions)"
                        + (instanceIds == null ? "" : " AND instance_id IN (:ids)")
                        + " ORDER BY acted_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("actor", username).param("actions", TASK_ACTIONS)
                .param("ids", idsParam(instanceIds))
                .param("limit", limit).param("offset", offset)
                .query(FlowStore::action).list();
    }

    long countDoneBy(String username, List<String> instanceIds) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_FLOW_ACTION WHERE actor = :actor AND action IN (:actions)"
                        + (instanceIds == null ? "" : " AND instance_id IN (:ids)"))
                .param("actor", username).param("actions", TASK_ACTIONS)
                .param("ids", idsParam(instanceIds))
                .query(Long.class).single();
    }

    /** Actions that act on a task; what counts as "done" and as "the next step acted". */
    static final List<String> TASK_ACTIONS = List.of("approve", "reject", "return", "transfer", "delegate", "resolve",
            "add_signer_before", "add_signer_after", "auto_approve", "auto_reject", "escalate");

    List<Instance> startedBy(String username, String app, String q, int offset, int limit) {
        return jdbc.sql("SELECT * FROM MO_FLOW_INSTANCE WHERE initiator = :user" + filters(app, q)
                        + " ORDER BY started_at DESC, instance_id DESC LIMIT :limit OFFSET :offset")
                .param("user", username).param("app", app == null ? "" : app).param("q", like(q))
                .param("limit", limit).param("offset", offset).query(FlowStore::instance).list();
    }

    long countStartedBy(String username, String app, String q) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_FLOW_INSTANCE WHERE initiator = :user" + filters(app, q))
                .param("user", username).param("app", app == null ? "" : app).param("q", like(q))
                .query(Long.class).single();
    }

    /** Ids of instances matching an app and a title filter, for filtering tasks; null when nothing filters. */
    List<String> matching(String app, String q) {
        if ((app == null || app.isBlank()) && (q == null || q.isBlank())) {
            return null;
        }
        return jdbc.sql("SELECT instance_id FROM MO_FLOW_INSTANCE WHERE 1 = 1" + filters(app, q) + " LIMIT 5000")
                .param("app", app == null ? "" : app).param("q", like(q)).query(String.class).list();
    }

    /**
     * The instance ids an {@code IN (:ids)} binds: SQL has no empty list, and a filter matching no instance must
     * match no row (null, no filter, leaves the clause out and binds this unused).
     */
    private static List<String> idsParam(List<String> instanceIds) {
        return instanceIds == null || instanceIds.isEmpty() ? List.of("") : instanceIds;
    }

    private static String filters(String app, String q) {
        return (app == null || app.isBlank() ? "" : " AND app_key = :app")
                + (q == null || q.isBlank() ? "" : " AND LOWER(title) LIKE :q");
    }

    private static String like(String q) {
        return q == null ? "" : "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    void insertCopy(String instanceId, String username, String from, Instant at) {
        jdbc.sql("INSERT INTO MO_FLOW_CC (instance_id, username, from_user, created_at) VALUES (?, ?, ?, ?)")
                .params(instanceId, username, from, ts(at)).update();
    }

    List<Copy> copiesTo(String username, List<String> instanceIds, int offset, int limit) {
        return jdbc.sql("SELECT * FROM MO_FLOW_CC WHERE username = :user"
                        + (instanceIds == null ? "" : " AND instance_id IN (:ids)")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("user", username)
                .param("ids", idsParam(instanceIds))
                .param("limit", limit).param("offset", offset).query(FlowStore::copy).list();
    }

    long countCopiesTo(String username, List<String> instanceIds, boolean unreadOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_FLOW_CC WHERE username = :user"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + (instanceIds == null ? "" : " AND instance_id IN (:ids)"))
                .param("user", username)
                .param("ids", idsParam(instanceIds))
                .query(Long.class).single();
    }

    boolean copiedTo(String instanceId, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_FLOW_CC WHERE instance_id = ? AND username = ?")
                .params(instanceId, username).query(Long.class).single() > 0;
    }

    void markCopiesRead(String instanceId, String username, Instant at) {
        jdbc.sql("UPDATE MO_FLOW_CC SET read_at = ? WHERE instance_id = ? AND username = ? AND read_at IS NULL")
                .params(ts(at), instanceId, username).update();
    }

    boolean actedOn(String instanceId, String username) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_FLOW_ACTION WHERE instance_id = ? AND actor = ?")
                .params(instanceId, username).query(Long.class).single() > 0;
    }

    /** An in-app notice to {@code recipient}, sent with the transaction (see {@link FlowNotices} for the wording). */
    void notify(String topic, String recipient, Map<String, ?> payload) {
        Object title = payload.get("title");
        if (title == null && payload.get("instanceId") != null) {
            title = instance(payload.get("instanceId").toString()).map(Instance::title).orElse("");
        }
        notifications.send(FlowNotices.of(topic, recipient, payload, title == null ? "" : title.toString()));
    }

    void insertAttachment(String id, String name, String contentType, long size, String createdBy, Instant at) {
        jdbc.sql("INSERT INTO MO_FLOW_ATTACHMENT (id, name, content_type, size, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, name, contentType, size, createdBy, ts(at)).update();
    }

    /** An attachment: {id, name, contentType, size, createdBy, instanceId}. */
    record Attachment(String id, String name, String contentType, long size, String createdBy, String instanceId) {
    }

    Optional<Attachment> attachment(String id) {
        return jdbc.sql("SELECT id, name, content_type, size, created_by, instance_id FROM MO_FLOW_ATTACHMENT WHERE id = ?")
                .param(id).query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6))).optional();
    }

    /** Ties the user's fresh attachments to the instance; false when one is not theirs or already used. */
    boolean attach(List<String> ids, String username, String instanceId) {
        for (String id : ids) {
            if (jdbc.sql("UPDATE MO_FLOW_ATTACHMENT SET instance_id = ? WHERE id = ? AND created_by = ? "
                    + "AND instance_id IS NULL").params(instanceId, id, username).update() != 1) {
                return false;
            }
        }
        return true;
    }

    private static Instance instance(ResultSet rs, int row) throws SQLException {
        return new Instance(rs.getString("instance_id"), rs.getString("app_key"), rs.getString("form_key"),
                rs.getLong("record_id"), rs.getString("binding_key"), rs.getString("title"), rs.getString("initiator"),
                rs.getString("status"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")));
    }

    private static Action action(ResultSet rs, int row) throws SQLException {
        Number duration = (Number) rs.getObject("duration_ms");
        return new Action(rs.getLong("id"), rs.getString("instance_id"), rs.getString("task_id"), rs.getString("node_id"),
                rs.getString("node_name"), rs.getString("actor"), rs.getString("action"), rs.getString("comment"),
                rs.getString("attachments"), rs.getString("target_id"), rs.getString("target_name"),
                rs.getString("to_users"), duration == null ? null : duration.longValue(), instant(rs.getTimestamp("acted_at")));
    }

    private static Copy copy(ResultSet rs, int row) throws SQLException {
        return new Copy(rs.getLong("id"), rs.getString("instance_id"), rs.getString("username"),
                rs.getString("from_user"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    static List<String> strings(String jsonArray) {
        try {
            return List.of(JSON.readValue(jsonArray, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored list is a JSON array of strings", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
