package io.mosaic.runtime.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The in-app inbox (MO_NOTIFICATION): the in-app channel writes it, each user reads and marks their own. */
@Component
class NotificationInbox implements DeliveryChannel {

    /** One notification as the REST API shows it; title and body as {"zh-CN", "en"}. */
    record Item(long id, String topic, Map<String, String> title, Map<String, String> body, String link,
                Instant createdAt, boolean read) {
    }

    private final JdbcClient jdbc;

    NotificationInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public void deliver(OutboxEntry entry, Instant now) throws DeliveryException {
        if (jdbc.sql("SELECT COUNT(*) FROM MO_USER WHERE username = ?").param(entry.target()).query(Long.class)
                .single() == 0) {
            throw new DeliveryException("No user '" + entry.target() + "'", true);
        }
        try {
            jdbc.sql("INSERT INTO MO_NOTIFICATION (username, topic, title_zh, title_en, body_zh, body_en, link, "
                            + "delivery_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(entry.target(), entry.topic(), entry.text("title", "zh-CN"), entry.text("title", "en"),
                            blankToNull(entry.text("body", "zh-CN")), blankToNull(entry.text("body", "en")),
                            entry.link(), entry.idempotencyKey(), Timestamp.from(entry.createdAt()))
                    .update();
        } catch (DuplicateKeyException alreadyDelivered) {
            // a delivery repeated after a lost acknowledgement: the inbox holds it once
        }
    }

    List<Item> list(String username, int offset, int limit) {
        return jdbc.sql("SELECT * FROM MO_NOTIFICATION WHERE username = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(username, limit, offset)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("topic"),
                        texts(rs.getString("title_zh"), rs.getString("title_en")),
                        texts(rs.getString("body_zh"), rs.getString("body_en")), rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
                .list();
    }

    long count(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_NOTIFICATION WHERE username = ?").param(username)
                .query(Long.class).single();
    }

    long unread(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM MO_NOTIFICATION WHERE username = ? AND read_at IS NULL")
                .param(username).query(Long.class).single();
    }

    /** False when the user has no such notification. */
    boolean markRead(long id, String username, Instant now) {
        if (jdbc.sql("SELECT COUNT(*) FROM MO_NOTIFICATION WHERE id = ? AND username = ?").params(id, username)
                .query(Long.class).single() == 0) {
            return false;
        }
        jdbc.sql("UPDATE MO_NOTIFICATION SET read_at = ? WHERE id = ? AND read_at IS NULL")
                .params(Timestamp.from(now), id).update();
        return true;
    }

    int markAllRead(String username, Instant now) {
        return jdbc.sql("UPDATE MO_NOTIFICATION SET read_at = ? WHERE username = ? AND read_at IS NULL")
                .params(Timestamp.from(now), username).update();
    }

    private static Map<String, String> texts(String zh, String en) {
        if (zh == null && en == null) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("zh-CN", zh);
        texts.put("en", en);
        return texts;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
