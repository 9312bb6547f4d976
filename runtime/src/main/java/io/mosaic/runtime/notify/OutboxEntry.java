package io.mosaic.runtime.notify;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One delivery in the outbox: a channel and its target (a username or a webhook key), the message as JSON
 * ({@code title}, {@code body}, each {@code {"zh-CN", "en"}}, {@code link}, {@code data}) and how delivery stands.
 */
public record OutboxEntry(long id, String idempotencyKey, String topic, Channel channel, String target, JsonNode message,
                          String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                          Instant sentAt) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String DEAD = "dead";

    String text(String member, String locale) {
        JsonNode text = message.path(member);
        String wanted = text.path(locale != null && locale.toLowerCase().startsWith("zh") ? "zh-CN" : "en").asText("");
        return wanted.isEmpty() ? text.path("zh-CN").asText(text.path("en").asText("")) : wanted;
    }

    String link() {
        return message.path("link").asText(null);
    }
}
