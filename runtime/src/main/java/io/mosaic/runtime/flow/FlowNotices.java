package io.mosaic.runtime.flow;

import java.util.Map;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.runtime.notify.NotificationRequest;

/** The in-app notification a workflow event sends, worded in both languages, linking to the task or instance. */
final class FlowNotices {

    private FlowNotices() {
    }

    /**
     * @param payload {@code taskId}, {@code instanceId}, {@code node} (zh-CN) and {@code nodeEn}, {@code comment},
     *                {@code message} as the topic has them
     * @param title   the instance's title ("" when not known yet)
     */
    static NotificationRequest of(String topic, String recipient, Map<String, ?> payload, String title) {
        String node = text(payload.get("node"));
        // Notices written before step names were localised carry one name.
        String nodeEn = payload.containsKey("nodeEn") ? text(payload.get("nodeEn")) : node;
        String comment = text(payload.get("comment"));
        LocalizedText heading = switch (topic) {
            case "task_assigned" -> new LocalizedText("新待办：" + node, "New task: " + nodeEn);
            case "overdue" -> new LocalizedText("待办已超时：" + node, "Task overdue: " + nodeEn);
            case "cc" -> new LocalizedText("抄送给你：" + title, "Copied to you: " + title);
            case "urge" -> new LocalizedText("催办：" + title, "Reminder: " + title);
            case "approved" -> new LocalizedText("已通过：" + title, "Approved: " + title);
            case "rejected" -> new LocalizedText("已驳回：" + title, "Rejected: " + title);
            case "withdrawn" -> new LocalizedText("已撤回：" + title, "Withdrawn: " + title);
            case "notify" -> new LocalizedText(text(payload.get("message")), text(payload.get("message")));
            default -> throw new IllegalArgumentException("No wording for the workflow notification " + topic);
        };
        LocalizedText body = switch (topic) {
            case "task_assigned", "overdue", "notify" -> title.isEmpty() ? null : new LocalizedText(title, title);
            case "urge" -> comment.isEmpty() ? null : new LocalizedText(comment, comment);
            default -> null;
        };
        Object taskId = payload.get("taskId");
        String link = taskId != null ? "#/tasks/" + taskId : "#/instances/" + payload.get("instanceId");
        return NotificationRequest.inApp(topic, recipient, heading, body, link, Map.copyOf(payload));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
