package io.mosaic.rule.run;

import java.util.List;

/**
 * When a rule set runs, as its {@code trigger} says.
 *
 * @param type       before_save, after_save, field_changed, submitted, approved, rejected, task_created,
 *                   task_completed, task_overdue or schedule
 * @param fields     for field_changed: the fields whose change starts a run; else empty
 * @param cron       for a schedule: a cron expression, or null
 * @param relativeTo for a schedule: a date field and a day offset (-30 = 30 days before), or null
 * @param task       for task triggers: the task key, or null for every task
 */
public record Trigger(String type, List<String> fields, String cron, RelativeTo relativeTo, String task) {

    public record RelativeTo(String field, int days) {
    }

    public Trigger {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
