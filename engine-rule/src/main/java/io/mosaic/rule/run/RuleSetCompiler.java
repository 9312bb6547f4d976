package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.formula.Expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * The whitelisted generator for rule sets. It reads a validated rule set into compiled conditions and actions
 * held in Java, and writes DRL made only of text it makes itself: rule names {@code r_<index>}, saliences,
 * leaf numbers and the fixed calls {@code test(n)} / {@code fire(n)} on {@link RuleSession}. No key, name,
 * value, message or formula the analyst typed is ever written into the DRL, so none of it can be read as code.
 */
final class RuleSetCompiler {

    private final DefinitionReader reader = new DefinitionReader();
    private final List<Condition.Leaf> leaves = new ArrayList<>();

    static CompiledRules compile(JsonNode ruleSet, int maxFirings) {
        return new RuleSetCompiler().read(ruleSet, maxFirings);
    }

    private CompiledRules read(JsonNode ruleSet, int maxFirings) {
        Trigger trigger = trigger(ruleSet.path("trigger"));
        JsonNode rulesJson = ruleSet.path("rules");
        List<CompiledRules.Rule> rules = new ArrayList<>();
        for (int r = 0; r < rulesJson.size(); r++) {
            JsonNode rule = rulesJson.get(r);
            String at = "/rules/" + r;
            Condition condition = rule.has("condition") ? condition(rule.get("condition"), at + "/condition") : null;
            List<Action> actions = new ArrayList<>();
            boolean setsFields = false;
            JsonNode actionsJson = rule.path("actions");
            for (int a = 0; a < actionsJson.size(); a++) {
                JsonNode action = actionsJson.get(a);
                setsFields |= "set_field".equals(action.path("type").asText());
                actions.add(action(action, at + "/actions/" + a));
            }
            Set<String> reads = new LinkedHashSet<>();
            if (condition != null && reader.problems.isEmpty()) {
                condition.reads(reads);
            }
            rules.add(new CompiledRules.Rule(r, rule.path("key").asText(), DefinitionReader.text(rule.get("name")),
                    rule.path("priority").asInt(0), condition, List.copyOf(actions), setsFields, List.copyOf(reads)));
        }
        reader.failIfAny();
        DrlText drl = drl(rules);
        return new CompiledRules(ruleSet.path("key").asText(), DefinitionReader.text(ruleSet.get("name")),
                ruleSet.path("form").asText(), trigger, rules, List.copyOf(leaves), drl.text(),
                DrlCompiler.compile(drl.text(), drl::pointerAt), maxFirings);
    }

    private static Trigger trigger(JsonNode trigger) {
        JsonNode relative = trigger.get("relativeTo");
        return new Trigger(trigger.path("type").asText(), DefinitionReader.strings(trigger.path("fields")),
                trigger.has("cron") ? trigger.get("cron").asText() : null,
                relative == null ? null : new Trigger.RelativeTo(relative.path("field").asText(),
                        relative.path("days").asInt()),
                trigger.has("task") ? trigger.get("task").asText() : null);
    }

    /** Reads a condition tree; also used for update_record matches, which run in Java only. */
    private Condition condition(JsonNode node, String at) {
        if (node.has("all") || node.has("any")) {
            String group = node.has("all") ? "all" : "any";
            List<Condition> children = new ArrayList<>();
            JsonNode items = node.get(group);
            for (int i = 0; i < items.size(); i++) {
                children.add(condition(items.get(i), at + "/" + group + "/" + i));
            }
            return group.equals("all") ? new Condition.All(List.copyOf(children)) : new Condition.Any(List.copyOf(children));
        }
        if (node.has("not")) {
            return new Condition.Not(condition(node.get("not"), at + "/not"));
        }
        if (node.has("expression")) {
            Expression expression = reader.formula(node.get("expression"), at + "/expression");
            return new Condition.Formula(at, expression);
        }
        if (node.has("exists")) {
            return exists(node.get("exists"), at);
        }
        return new Condition.Comparison(at, node.path("field").asText(), node.path("op").asText(),
                node.has("rows") ? node.get("rows").asText() : null, RuleValues.normalize(RuleValues.fromJson(node.get("value"))));
    }

    private Condition exists(JsonNode exists, String at) {
        List<Condition.Exists.Where> where = new ArrayList<>();
        JsonNode items = exists.path("where");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Expression expression = item.has("expression")
                    ? reader.formula(item.get("expression"), at + "/exists/where/" + i + "/expression") : null;
            where.add(new Condition.Exists.Where(item.path("field").asText(), item.path("op").asText(),
                    RuleValues.normalize(RuleValues.fromJson(item.get("value"))), expression));
        }
        Expression when = exists.has("when") ? reader.formula(exists.get("when"), at + "/exists/when") : null;
        return new Condition.Exists(at, exists.path("form").asText(), List.copyOf(where), when,
                exists.path("excludeSelf").asBoolean(false), exists.has("as") ? exists.get("as").asText() : null);
    }

    private Action action(JsonNode action, String at) {
        String type = action.path("type").asText();
        LocalizedText message = DefinitionReader.text(action.get("message"));
        LocalizedText title = DefinitionReader.text(action.get("title"));
        String field = action.has("field") ? action.get("field").asText() : null;
        return switch (type) {
            case "set_field" -> setField(action, at, field);
            case "reject" -> context -> new Effect.Reject(field, Template.fill(message, context));
            case "notify" -> {
                List<String> channels = DefinitionReader.strings(action.path("channels"));
                JsonNode to = action.path("to");
                String webhook = action.has("webhook") ? action.get("webhook").asText() : null;
                yield context -> new Effect.Notify(channels, recipients(to, context), webhook,
                        Template.fill(title, context), Template.fill(message, context));
            }
            case "create_record" -> {
                String form = action.path("form").asText();
                Map<String, Expression> values = values(action.path("values"), at + "/values");
                yield context -> new Effect.CreateRecord(form, evaluate(values, context));
            }
            case "update_record" -> {
                String form = action.path("form").asText();
                Map<String, Expression> values = values(action.path("values"), at + "/values");
                JsonNode matchJson = action.path("match");
                Condition match = condition(matchJson, at + "/match");
                yield context -> new Effect.UpdateRecord(form, new RecordMatch(match, matchJson, context.snapshot()),
                        evaluate(values, context));
            }
            case "start_process" -> {
                String process = action.path("process").asText();
                yield context -> new Effect.StartProcess(process);
            }
            case "create_todo" -> {
                JsonNode to = action.path("to");
                Integer due = action.has("dueInDays") ? action.get("dueInDays").asInt() : null;
                yield context -> new Effect.CreateTodo(recipients(to, context), Template.fill(title, context),
                        Template.fill(message, context), due);
            }
            default -> throw new IllegalStateException("The schema admits no action " + type);
        };
    }

    private Action setField(JsonNode action, String at, String field) {
        if (action.has("expression")) {
            Expression expression = reader.formula(action.get("expression"), at + "/expression");
            return context -> new Effect.SetField(field, RuleValues.forEffect(expression.evaluate(context)));
        }
        Object value = RuleValues.forEffect(RuleValues.fromJson(action.get("value")));
        return context -> new Effect.SetField(field, value);
    }

    private Map<String, Expression> values(JsonNode values, String at) {
        Map<String, Expression> compiled = new LinkedHashMap<>();
        values.fields().forEachRemaining(entry ->
                compiled.put(entry.getKey(), reader.formula(entry.getValue(), at + "/" + entry.getKey())));
        return compiled;
    }

    private static Map<String, Object> evaluate(Map<String, Expression> values, RunContext context) {
        Map<String, Object> evaluated = new LinkedHashMap<>();
        values.forEach((field, expression) -> evaluated.put(field, RuleValues.forEffect(expression.evaluate(context))));
        return evaluated;
    }

    private static Effect.Recipients recipients(JsonNode to, RunContext context) {
        List<String> fields = DefinitionReader.strings(to.path("fields"));
        List<String> fieldUsers = new ArrayList<>();
        for (String field : fields) {
            Object value = context.has(field) ? context.value(field) : null;
            for (Object user : value instanceof List<?> list ? list : Collections.singletonList(value)) {
                if (user != null && !user.toString().isEmpty()) {
                    fieldUsers.add(RuleValues.text(RuleValues.normalize(user)));
                }
            }
        }
        return new Effect.Recipients(DefinitionReader.strings(to.path("roles")), DefinitionReader.strings(to.path("users")),
                fields, List.copyOf(fieldUsers), to.path("initiator").asBoolean(false));
    }

    // ---- DRL ----

    /**
     * Salience orders by priority (higher first), then by position in the file, so the firing order is what
     * the analyst sees in the designer.
     */
    private DrlText drl(List<CompiledRules.Rule> rules) {
        DrlText drl = new DrlText();
        drl.line("package " + DrlCompiler.PACKAGE + ";");
        drl.line("import " + RuleSession.class.getName() + ";");
        for (CompiledRules.Rule rule : rules) {
            drl.begin("/rules/" + rule.index());
            drl.line("rule \"r_" + rule.index() + "\"");
            drl.line("    salience " + (rule.priority() * 2000 - rule.index()));
            if (rule.setsFields()) {
                drl.line("    no-loop true");
            }
            drl.line("when");
            drl.line("    $s : RuleSession(" + (rule.condition() == null ? "" : constraint(rule.condition())) + ")");
            drl.line("then");
            drl.line(rule.setsFields() ? "    if ($s.fire(" + rule.index() + ")) { update($s); }"
                    : "    $s.fire(" + rule.index() + ");");
            drl.line("end");
            drl.end();
        }
        return drl;
    }

    private String constraint(Condition condition) {
        if (condition instanceof Condition.All all) {
            return group(all.children(), " && ");
        }
        if (condition instanceof Condition.Any any) {
            return group(any.children(), " || ");
        }
        if (condition instanceof Condition.Not not) {
            return "!(" + constraint(not.child()) + ")";
        }
        leaves.add((Condition.Leaf) condition);
        return "test(" + (leaves.size() - 1) + ")";
    }

    private String group(List<Condition> children, String operator) {
        List<String> parts = new ArrayList<>();
        children.forEach(child -> parts.add(constraint(child)));
        return "(" + String.join(operator, parts) + ")";
    }
}
