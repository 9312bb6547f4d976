package io.mosaic.rule.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.definition.UniqueKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule sets ({@code *.rules.json}): one trigger on one form, then rules, each a condition tree and
 * actions. Conditions and computed values are written in the platform's formula language; nothing
 * here is ever compiled as Java or DRL text.
 */
public final class RuleSetKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "rules";

    private static final Set<String> GROUPS = Set.of("all", "any", "not");
    private static final Set<String> WITHOUT_VALUE = Set.of("empty", "not_empty");
    private static final Set<String> LIST_VALUE = Set.of("in", "not_in");
    private static final Set<String> TASK_TRIGGERS = Set.of("task_created", "task_completed", "task_overdue");

    public RuleSetKind() {
        super(KEY, ".rules.json", new LocalizedText("规则集", "Rule set"), "rules.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode ruleSet) {
        List<DefinitionProblem> problems = new ArrayList<>();
        String trigger = ruleSet.path("trigger").path("type").asText();
        checkTrigger(ruleSet.path("trigger"), trigger, problems);
        UniqueKeys ruleKeys = new UniqueKeys("rule", problems);
        JsonNode rules = ruleSet.path("rules");
        for (int r = 0; r < rules.size(); r++) {
            JsonNode rule = rules.get(r);
            String at = "/rules/" + r;
            ruleKeys.add(rule.path("key").asText(), at + "/key");
            if (rule.has("condition")) {
                checkCondition(rule.get("condition"), at + "/condition", problems);
            }
            JsonNode actions = rule.path("actions");
            for (int a = 0; a < actions.size(); a++) {
                checkAction(actions.get(a), at + "/actions/" + a, trigger, problems);
            }
        }
        return problems;
    }

    private static void checkTrigger(JsonNode trigger, String type, List<DefinitionProblem> problems) {
        boolean schedule = "schedule".equals(type);
        if (schedule && trigger.has("cron") == trigger.has("relativeTo")) {
            problems.add(DefinitionProblem.at("/trigger", "A schedule needs either a cron expression or a date field "
                    + "it is relative to, not both"));
        }
        if (!schedule) {
            for (String member : List.of("cron", "relativeTo")) {
                if (trigger.has(member)) {
                    problems.add(DefinitionProblem.at("/trigger/" + member, "Only a schedule trigger takes " + member));
                }
            }
        }
        if (trigger.has("fields") && !"field_changed".equals(type)) {
            problems.add(DefinitionProblem.at("/trigger/fields", "Only a field_changed trigger names fields"));
        }
        if (trigger.has("task") && !TASK_TRIGGERS.contains(type)) {
            problems.add(DefinitionProblem.at("/trigger/task", "Only a task trigger names a task"));
        }
    }

    /** A condition node is exactly one of: a group (all, any, not), a comparison, an expression, exists. */
    private static void checkCondition(JsonNode condition, String at, List<DefinitionProblem> problems) {
        List<String> forms = new ArrayList<>();
        condition.fieldNames().forEachRemaining(name -> {
            if (GROUPS.contains(name) || name.equals("field") || name.equals("expression") || name.equals("exists")) {
                forms.add(name);
            }
        });
        if (forms.size() != 1) {
            problems.add(DefinitionProblem.at(at, "A condition is exactly one of all, any, not, a comparison "
                    + "(field, op, value), an expression or exists; this one has " + (forms.isEmpty() ? "none" : forms)));
            return;
        }
        String form = forms.get(0);
        if (form.equals("field")) {
            checkComparison(condition, at, problems);
            return;
        }
        strayComparisonMembers(condition, at, problems);
        if (form.equals("not")) {
            checkCondition(condition.get("not"), at + "/not", problems);
        } else if (form.equals("exists")) {
            JsonNode where = condition.get("exists").path("where");
            for (int i = 0; i < where.size(); i++) {
                if (where.get(i).has("value") == where.get(i).has("expression")) {
                    problems.add(DefinitionProblem.at(at + "/exists/where/" + i, "A condition of exists takes either a "
                            + "value or an expression"));
                }
            }
        } else if (!form.equals("expression")) {
            JsonNode children = condition.get(form);
            for (int i = 0; i < children.size(); i++) {
                checkCondition(children.get(i), at + "/" + form + "/" + i, problems);
            }
        }
    }

    private static void checkComparison(JsonNode comparison, String at, List<DefinitionProblem> problems) {
        if (comparison.has("rows") && comparison.path("field").asText().indexOf('.') < 0) {
            problems.add(DefinitionProblem.at(at + "/rows", "Only a sub-table column (such as lines.amount) has rows "
                    + "to count, sum or quantify"));
        }
        if (!comparison.has("op")) {
            problems.add(DefinitionProblem.at(at + "/op", "A comparison needs an operator"));
            return;
        }
        String op = comparison.get("op").asText();
        JsonNode value = comparison.get("value");
        if (WITHOUT_VALUE.contains(op)) {
            if (value != null) {
                problems.add(DefinitionProblem.at(at + "/value", "The operator " + op + " takes no value"));
            }
        } else if (value == null) {
            problems.add(DefinitionProblem.at(at + "/value", "The operator " + op + " needs a value"));
        } else if (LIST_VALUE.contains(op) && (!value.isArray() || value.isEmpty())) {
            problems.add(DefinitionProblem.at(at + "/value", "The operator " + op + " needs a non-empty list"));
        } else if ("between".equals(op) && (!value.isArray() || value.size() != 2)) {
            problems.add(DefinitionProblem.at(at + "/value", "The operator between needs a list of two bounds"));
        } else if (!LIST_VALUE.contains(op) && !"between".equals(op) && value.isContainerNode()) {
            problems.add(DefinitionProblem.at(at + "/value", "The operator " + op + " compares with a single value"));
        }
    }

    private static void strayComparisonMembers(JsonNode condition, String at, List<DefinitionProblem> problems) {
        for (String member : List.of("op", "value", "rows")) {
            if (condition.has(member)) {
                problems.add(DefinitionProblem.at(at + "/" + member, "Only a comparison (with field) takes " + member));
            }
        }
    }

    private static void checkAction(JsonNode action, String at, String trigger, List<DefinitionProblem> problems) {
        String type = action.path("type").asText();
        if ("reject".equals(type) && !"before_save".equals(trigger)) {
            problems.add(DefinitionProblem.at(at, "Only a before_save rule set can reject a save; this one runs on "
                    + trigger));
        }
        if ("set_field".equals(type) && action.has("value") == action.has("expression")) {
            problems.add(DefinitionProblem.at(at, "Setting a field takes either a value or an expression"));
        }
        JsonNode channels = action.path("channels");
        boolean webhook = false;
        for (JsonNode channel : channels) {
            webhook |= "webhook".equals(channel.asText());
        }
        if (webhook && !action.has("webhook")) {
            problems.add(DefinitionProblem.at(at + "/webhook", "A webhook notification names the configured webhook"));
        }
    }
}
