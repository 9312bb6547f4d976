package io.mosaic.runtime.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.mosaic.api.definition.LocalizedText;

/**
 * One notification to send: {@link Notifications#send} writes a delivery per channel and recipient.
 *
 * @param topic    what happened, e.g. {@code task_assigned} or {@code rule:credit_exceeded}; shown in the delivery log
 *                 and sent to webhooks
 * @param channels where it goes
 * @param users    usernames, the recipients on {@link Channel#IN_APP} and {@link Channel#EMAIL}
 * @param webhooks keys of webhooks configured under {@code mosaic.notify.webhooks}, the targets on
 *                 {@link Channel#WEBHOOK}
 * @param title    the title in both languages (the e-mail subject)
 * @param body     the text in both languages; may be null
 * @param link     a UI route such as {@code #/tasks/42}; may be null
 * @param data     facts for machines (webhooks get them as {@code data}); may be empty
 */
public record NotificationRequest(String topic, Set<Channel> channels, List<String> users, List<String> webhooks,
                                  LocalizedText title, LocalizedText body, String link, Map<String, Object> data) {

    public NotificationRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(title, "title");
        channels = Set.copyOf(channels);
        users = users == null ? List.of() : List.copyOf(users);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** An in-app notification to one user. */
    public static NotificationRequest inApp(String topic, String user, LocalizedText title, LocalizedText body,
                                            String link, Map<String, Object> data) {
        return new NotificationRequest(topic, Set.of(Channel.IN_APP), List.of(user), List.of(), title, body, link, data);
    }
}
