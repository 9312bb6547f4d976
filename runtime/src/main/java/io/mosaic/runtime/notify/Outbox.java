package io.mosaic.runtime.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The table MO_OUTBOX. Inserts join the caller's transaction; the dispatcher's statements run on their own
 * (auto-commit), each a single conditional UPDATE, so a claim is decided by the database, not by a lock held
 * across a delivery.
 */
@Component
class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String key, String topic, Channel channel, String target, JsonNode message, Instant now) {
        jdbc.sql("INSERT INTO MO_OUTBOX (idempotency_key, topic, channel, target, message, status, attempts, "
                        + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(key, topic, channel.key(), target, message.toString(), OutboxEntry.PENDING, ts(now), ts(now))
                .update();
    }

    int deleteSentBefore(Instant before) {
        return jdbc.sql("DELETE FROM MO_OUTBOX WHERE status = ? AND sent_at < ?").params(OutboxEntry.SENT, ts(before))
                .update();
    }

    /** Ids of rows due at {@code now} that nobody holds a live claim on, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM MO_OUTBOX WHERE status = ? AND next_attempt_at <= ? "
                        + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?")
                .params(OutboxEntry.PENDING, ts(now), ts(now), limit).query(Long.class).list();
    }

    /** Takes the row for {@code claimer} until {@code until}; false when another dispatcher holds it or it is done. */
    boolean claim(long id, String claimer, Instant until, Instant now) {
        return jdbc.sql("UPDATE MO_OUTBOX SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = ? "
                        + "AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)")
                .params(claimer, ts(until), id, OutboxEntry.PENDING, ts(now), ts(now)).update() == 1;
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT * FROM MO_OUTBOX WHERE id = ?").param(id).query(Outbox::entry).optional();
    }

    /** Records a delivery; a claimer whose lease ran out and was taken over changes nothing. */
    void sent(long id, String claimer, Instant now) {
        jdbc.sql("UPDATE MO_OUTBOX SET status = ?, attempts = attempts + 1, sent_at = ?, last_error = NULL, "
                        + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
                .params(OutboxEntry.SENT, ts(now), id, claimer).update();
    }

    /** Records a failed attempt: due again at {@code retryAt}, or dead when that is null. */
    void failed(long id, String claimer, String error, Instant retryAt, Instant now) {
        String message = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        jdbc.sql("UPDATE MO_OUTBOX SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                        + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
                .params(retryAt == null ? OutboxEntry.DEAD : OutboxEntry.PENDING, message,
                        ts(retryAt == null ? now : retryAt), id, claimer).update();
    }

    /** Makes a pending or dead row due now; false when it was sent already (or is missing). */
    boolean retry(long id, Instant now) {
        return jdbc.sql("UPDATE MO_OUTBOX SET status = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL "
                        + "WHERE id = ? AND status <> ?")
                .params(OutboxEntry.PENDING, ts(now), id, OutboxEntry.SENT).update() == 1;
    }

    List<OutboxEntry> page(String status, int offset, int limit) {
        return jdbc.sql("SELECT * FROM MO_OUTBOX" + (status == null ? "" : " WHERE status = :status")
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("status", status == null ? "" : status).param("limit", limit).param("offset", offset)
                .query(Outbox::entry).list();
    }

    long count(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_OUTBOX" + (status == null ? "" : " WHERE status = :status"))
                .param("status", status == null ? "" : status).query(Long.class).single();
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        JsonNode message;
        try {
            message = JSON.readTree(rs.getString("message"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox row " + rs.getLong("id") + " holds no JSON message", e);
        }
        return new OutboxEntry(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("topic"),
                Channel.of(rs.getString("channel")), rs.getString("target"), message, rs.getString("status"),
                rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
