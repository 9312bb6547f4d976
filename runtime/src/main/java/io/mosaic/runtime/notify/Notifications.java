package io.mosaic.runtime.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.definition.LocalizedText;

/**
 * The one way to notify people and systems. {@link #send} joins the caller's transaction and only writes outbox
 * rows, one per channel and recipient, each with its own idempotency key: a rolled-back change notifies nobody, a
 * committed one is delivered after the commit by {@link OutboxDispatcher}.
 */
@Service
public class Notifications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    Notifications(Outbox outbox, OutboxDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    /** Writes the deliveries of {@code request}; returns their idempotency keys. */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<String> send(NotificationRequest request) {
        ObjectNode message = message(request);
        Instant now = clock.instant();
        List<String> keys = new ArrayList<>();
        for (Channel channel : List.of(Channel.IN_APP, Channel.EMAIL, Channel.WEBHOOK)) {
            if (!request.channels().contains(channel)) {
                continue;
            }
            for (String target : new LinkedHashSet<>(channel == Channel.WEBHOOK ? request.webhooks() : request.users())) {
                String key = UUID.randomUUID().toString();
                outbox.insert(key, request.topic(), channel, target, message, now);
                keys.add(key);
            }
        }
        if (!keys.isEmpty()) {
            dispatcher.nudgeAfterCommit();
        }
        return keys;
    }

    private static ObjectNode message(NotificationRequest request) {
        ObjectNode message = JSON.createObjectNode();
        message.set("title", text(request.title()));
        if (request.body() != null) {
            message.set("body", text(request.body()));
        }
        if (request.link() != null) {
            message.put("link", request.link());
        }
        message.set("data", JSON.valueToTree(request.data()));
        return message;
    }

    private static ObjectNode text(LocalizedText text) {
        return JSON.createObjectNode().put("zh-CN", text.zhCN()).put("en", text.en());
    }
}
