package io.mosaic.flow.run;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A published process binding ({@code *.flow.json}) as the running engine reads it. The binding kind has validated
 * it, so reading it does not check again.
 */
public record FlowBinding(String key, String process, String form, Map<String, Task> tasks,
                          Map<String, String> conditions, Map<String, Step> steps,
                          Map<String, Map<String, String>> names) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field access of an assignee; fields a task's view does not name are read-only. */
    public enum Access { EDITABLE, READ_ONLY, HIDDEN }

    /** Who a task goes to; the members used depend on {@code type}. */
    public record Assignment(String type, List<String> users, List<String> roles, int levels, String field) {
    }

    /** When the assignment resolves to nobody: {@code user} to hand it to, or null to skip the task. */
    public record Fallback(String user) {
        public boolean skip() {
            return user == null;
        }
    }

    /** How a multi-instance task decides. */
    public record Countersign(String mode, int percentage) {

        /** Whether {@code approved} of {@code signers} approvals decide the task. */
        public boolean approvedBy(int approved, int signers) {
            return switch (mode) {
                case "any" -> approved >= 1;
                case "percentage" -> approved * 100L >= (long) percentage * signers;
                default -> approved >= signers;
            };
        }

        /** Whether {@code rejected} of {@code signers} rejections leave too few signers to approve. */
        public boolean rejectedBy(int rejected, int signers) {
            return !approvedBy(signers - rejected, signers);
        }
    }

    /** When a task is due and what happens when it is overdue (remind, escalate, auto_approve, auto_reject). */
    public record Sla(String due, String onOverdue) {

        public Instant dueFrom(Instant start) {
            try {
                return start.plus(Duration.parse(due));
            } catch (DateTimeParseException calendar) {
                return start.atZone(ZoneOffset.UTC).plus(Period.parse(due)).toInstant();
            }
        }
    }

    public record Task(String id, Map<String, Access> view, Assignment assignment, Fallback fallback,
                       Set<String> actions, Countersign countersign, Sla sla) {

        public Access access(String field) {
            return view.getOrDefault(field, Access.READ_ONLY);
        }

        public Optional<Countersign> countersigning() {
            return Optional.ofNullable(countersign);
        }

        public Optional<Sla> slaOf() {
            return Optional.ofNullable(sla);
        }
    }

    /**
     * An automated step: {@code set_field} sets {@code field} of the record to the formula {@code value};
     * {@code create_record} creates a record of {@code form} with each of {@code values} a formula over this record;
     * {@code notify} sends {@code message} to users, role holders and (with {@code initiator}) the initiator.
     * {@code bind_dealer} binds the initiator's account to the dealer whose code the formula {@code value} gives (an
     * admitted company's applicant becomes its dealer user). {@code create_user} opens the {@link Account} its
     * formulas describe, with {@code roles}, and
     * stores the new user's id in the record's user field {@code field} when the step names one.
     */
    public record Step(String id, String action, String field, String value, String form, Map<String, String> values,
                       String message, boolean initiator, List<String> roles, List<String> users, Account account) {

        /** The members of a step that hold a formula over the record, wherever the action uses them. */
        public static final List<String> FORMULAS = List.of("value", "username", "displayName", "email", "dealer", "org");
    }

    /**
     * The account a {@code create_user} step opens, each member a formula over the record: its username, display
     * name and e-mail address, and optionally the dealer code and org unit id that decide its row scope (null when
     * the step does not give one).
     */
    public record Account(String username, String displayName, String email, String dealer, String org) {
    }

    public static FlowBinding read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A published binding is JSON", e);
        }
        Map<String, Task> tasks = new LinkedHashMap<>();
        for (JsonNode task : root.path("tasks")) {
            Map<String, Access> view = new LinkedHashMap<>();
            task.path("view").fields().forEachRemaining(e ->
                    view.put(e.getKey(), Access.valueOf(e.getValue().asText().toUpperCase(java.util.Locale.ROOT))));
            JsonNode a = task.path("assignment");
            Assignment assignment = new Assignment(a.path("type").asText(), texts(a.path("users")), texts(a.path("roles")),
                    a.path("levels").asInt(1), a.path("field").isTextual() ? a.path("field").asText() : null);
            JsonNode f = task.path("fallback");
            Fallback fallback = new Fallback("user".equals(f.path("type").asText()) ? f.path("user").asText() : null);
            JsonNode c = task.path("countersign");
            Countersign countersign = c.isMissingNode() ? null
                    : new Countersign(c.path("mode").asText(), c.path("percentage").asInt(100));
            JsonNode s = task.path("sla");
            Sla sla = s.isMissingNode() ? null : new Sla(s.path("due").asText(), s.path("onOverdue").asText());
            tasks.put(task.path("id").asText(), new Task(task.path("id").asText(), Map.copyOf(view), assignment,
                    fallback, new LinkedHashSet<>(texts(task.path("actions"))), countersign, sla));
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        root.path("flows").forEach(flow -> conditions.put(flow.path("id").asText(), flow.path("condition").asText()));
        Map<String, Step> steps = new LinkedHashMap<>();
        for (JsonNode step : root.path("steps")) {
            Map<String, String> values = new LinkedHashMap<>();
            step.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            steps.put(step.path("id").asText(), new Step(step.path("id").asText(), step.path("action").asText(),
                    text(step.path("field")), text(step.path("value")), text(step.path("form")), Map.copyOf(values),
                    text(step.path("message")), step.path("initiator").asBoolean(false), texts(step.path("roles")),
                    texts(step.path("users")), step.has("username") ? new Account(text(step.path("username")),
                    text(step.path("displayName")), text(step.path("email")), text(step.path("dealer")),
                    text(step.path("org"))) : null));
        }
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        root.path("names").fields().forEachRemaining(e -> {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(l -> byLanguage.put(l.getKey(), l.getValue().asText()));
            names.put(e.getKey(), Map.copyOf(byLanguage));
        });
        return new FlowBinding(root.path("key").asText(), root.path("process").asText(), root.path("form").asText(),
                tasks, conditions, steps, Map.copyOf(names));
    }

    /**
     * The name of element {@code id} in {@code language} ({@code zh-CN}, {@code en}) as the binding gives it, else
     * the platform's for the steps it adds, else {@code bpmnName}, else the id: a BPMN holds one name per element, so
     * the binding carries the translations.
     */
    public String nameOf(String id, String language, String bpmnName) {
        String named = names.getOrDefault(id, DeployableProcess.PLATFORM_NAMES.getOrDefault(id, Map.of())).get(language);
        return named != null ? named : bpmnName != null ? bpmnName : id;
    }

    public Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return List.copyOf(texts);
    }
}
