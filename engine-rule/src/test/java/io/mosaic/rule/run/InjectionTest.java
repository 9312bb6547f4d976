package io.mosaic.rule.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DRL, Java and MVEL fragments in every text slot of a rule set and a decision table stay data: the generated DRL
 * is made only of whitelisted lines, holds none of the fragments, nothing runs, and the fragments come back
 * verbatim in the effects and outputs. The generators are fed directly (no schema check first), so that even
 * keys and field paths the schema would refuse are shown harmless; through the engine, the schema refuses them
 * with clean problems.
 */
class InjectionTest {

    private static final String CANARY = "mosaic.injected";

    static List<String> fragments() {
        return List.of(
                "\"; System.exit(1); \"",
                "end\nrule \"x\" when then System.exit(1); end",
                "${java.lang.System.setProperty(\"" + CANARY + "\", \"1\")}",
                "#{java.lang.System.setProperty(\"" + CANARY + "\", \"1\")}",
                "java.lang.Runtime.getRuntime().exec(\"id\")",
                "$x := Facts()",
                "\\u0022; java.lang.System.setProperty(\\u0022" + CANARY + "\\u0022, \\u00221\\u0022); \\u0022",
                "\"); java.lang.System.setProperty(\"" + CANARY + "\", \"1\"); //",
                "*/ import java.io.File; /*");
    }

    /** Every line a generated DRL may contain. */
    private static final Pattern WHITELISTED_LINE = Pattern.compile(String.join("|",
            "package io\\.mosaic\\.rule\\.gen;",
            "import io\\.mosaic\\.rule\\.run\\.(RuleSession|DecisionFacts);",
            "rule \"(r|row)_\\d+\"",
            "    salience -?\\d+",
            "    no-loop true",
            "when", "then", "end",
            "    \\$s : RuleSession\\([test()\\d&|! ]*\\)",
            "    \\$d : DecisionFacts\\([cell()\\d, ]*\\)",
            "    \\$s\\.fire\\(\\d+\\);",
            "    if \\(\\$s\\.fire\\(\\d+\\)\\) \\{ update\\(\\$s\\); \\}",
            "    \\$d\\.hit\\(\\d+\\);"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void nothingRan() {
        assertThat(System.getProperty(CANARY)).isNull();
    }

    @ParameterizedTest
    @MethodSource("fragments")
    void aRuleSetWithTheFragmentInEverySlotCompilesToWhitelistedDrlAndGivesItBackAsData(String fragment) {
        CompiledRules rules = RuleSetCompiler.compile(ruleSet(fragment), 100);

        assertWhitelisted(rules.drl(), fragment);
        Map<String, Object> record = new HashMap<>();
        record.put(fragment, fragment);
        record.put("x", fragment);
        RuleRun run = rules.run(Records.facts(record));
        assertThat(run.fired()).extracting(RuleRun.Fired::ruleKey).containsExactly(fragment);
        List<Effect> effects = run.effects();
        assertThat(effects).contains(new Effect.SetField(fragment, fragment));
        assertThat(effects).filteredOn(Effect.Reject.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Effect.Reject) e).message().en()).isEqualTo(fragment));
        assertThat(effects).filteredOn(Effect.StartProcess.class::isInstance)
                .containsExactly(new Effect.StartProcess(fragment));
        assertThat(effects).filteredOn(Effect.CreateRecord.class::isInstance)
                .containsExactly(new Effect.CreateRecord(fragment, Map.of(fragment, fragment)));
    }

    @ParameterizedTest
    @MethodSource("fragments")
    void aDecisionTableWithTheFragmentInEverySlotCompilesToWhitelistedDrlAndGivesItBackAsData(String fragment) {
        CompiledDecision table = DecisionCompiler.compile(decision(fragment));

        assertWhitelisted(table.drl(), fragment);
        assertThat(table.evaluate(Records.record(Map.of())).outputs()).containsEntry(fragment, fragment);
        assertThat(table.evaluate(Map.of(fragment, "other")).matchedRows()).containsExactly(1);
    }

    @ParameterizedTest
    @MethodSource("fragments")
    void throughTheEngineTheFragmentInAKeyOrFieldIsACleanProblem(String fragment) {
        ObjectNode ruleSet = ruleSet(fragment);
        assertThatThrownBy(() -> new RuleEngine().rules("k", ruleSet.toString()))
                .isInstanceOfSatisfying(RuleCompileException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.pointer()).contains("/rules/0/key", "/form"));
        assertThatThrownBy(() -> new RuleEngine().decision("k", decision(fragment).toString()))
                .isInstanceOf(RuleCompileException.class);
    }

    @ParameterizedTest
    @MethodSource("fragments")
    void throughTheEngineTheFragmentAsAFormulaIsRefusedOrIsTextAtItsPointer(String fragment) {
        String json = Records.ruleSet("{\"expression\": " + JSON.valueToTree(fragment) + "}",
                "[{\"type\": \"start_process\", \"process\": \"p\"}]");

        try {
            CompiledRules rules = new RuleEngine().rules("k", json);
            // Only a fragment that happens to be a formula text literal compiles; it is a text, not a condition.
            assertThatThrownBy(() -> rules.run(Records.facts(Map.of())))
                    .isInstanceOfSatisfying(RuleEvaluationException.class, e -> assertThat(e.pointer())
                            .isEqualTo("/rules/0/condition"));
        } catch (RuleCompileException e) {
            assertThat(e.problems()).extracting(p -> p.pointer()).containsExactly("/rules/0/condition/expression");
        }
    }

    private static void assertWhitelisted(String drl, String fragment) {
        for (String line : drl.split("\n")) {
            assertThat(line).matches(WHITELISTED_LINE);
        }
        assertThat(drl).doesNotContain(fragment, "System", "Runtime", "exec", "${", "#{", "Facts()", "\\u", "//", "/*");
    }

    /** A formula that is the fragment as a text literal. */
    private static String literal(String fragment) {
        return "\"" + fragment.replace("\"", "\"\"") + "\"";
    }

    private static ObjectNode text(String fragment) {
        return JSON.createObjectNode().put("zh-CN", fragment).put("en", fragment);
    }

    static ObjectNode ruleSet(String f) {
        ObjectNode root = JSON.createObjectNode().put("key", f).put("form", f);
        root.set("name", text(f));
        root.set("description", text(f));
        ObjectNode trigger = root.putObject("trigger").put("type", "field_changed").put("cron", f).put("task", f);
        trigger.putArray("fields").add(f);
        trigger.putObject("relativeTo").put("field", f).put("days", 1);
        ObjectNode rule = root.putArray("rules").addObject().put("key", f).put("priority", 3);
        rule.set("name", text(f));
        ArrayNode all = rule.putObject("condition").putArray("all");
        all.addObject().put("field", f).put("op", "eq").put("value", f);
        all.addObject().put("field", "x").put("op", "in").putArray("value").add(f).add("other");
        all.addObject().put("expression", literal(f) + " = " + literal(f));
        all.addObject().putObject("not").put("field", f).put("op", "contains").put("value", f + "?");
        ArrayNode actions = rule.putArray("actions");
        actions.addObject().put("type", "set_field").put("field", f).put("value", f);
        actions.addObject().put("type", "set_field").put("field", f + "2").put("expression", literal(f));
        ObjectNode reject = actions.addObject().put("type", "reject").put("field", f);
        reject.set("message", text(f));
        ObjectNode notify = actions.addObject().put("type", "notify").put("webhook", f);
        notify.putArray("channels").add("in_app");
        ObjectNode to = notify.putObject("to");
        to.putArray("roles").add(f);
        to.putArray("users").add(f);
        to.putArray("fields").add(f);
        notify.set("title", text(f));
        notify.set("message", text(f));
        actions.addObject().put("type", "create_record").put("form", f).putObject("values").put(f, literal(f));
        ObjectNode update = actions.addObject().put("type", "update_record").put("form", f);
        update.putObject("values").put(f, literal(f));
        update.putObject("match").put("field", f).put("op", "eq").put("value", f);
        actions.addObject().put("type", "start_process").put("process", f);
        ObjectNode todo = actions.addObject().put("type", "create_todo");
        todo.putObject("to").putArray("roles").add(f);
        todo.set("title", text(f));
        todo.set("message", text(f));
        return root;
    }

    static ObjectNode decision(String f) {
        ObjectNode root = JSON.createObjectNode().put("key", f).put("form", f).put("hitPolicy", "first");
        root.set("name", text(f));
        root.set("description", text(f));
        ObjectNode input = root.putArray("inputs").addObject().put("key", f).put("type", "text")
                .put("expression", literal(f));
        input.set("label", text(f));
        root.putArray("outputs").addObject().put("key", f).put("type", "text").set("label", text(f));
        ArrayNode rows = root.putArray("rows");
        ObjectNode first = rows.addObject().put("key", f);
        first.set("description", text(f));
        first.putArray("inputs").addObject().put("op", "in").putArray("values").add(f).add(f + "!");
        first.putArray("outputs").add(f);
        ObjectNode rest = rows.addObject().put("key", f + "_rest");
        rest.putArray("inputs").addObject().put("op", "ne").put("value", f);
        rest.putArray("outputs").add(f);
        return root;
    }
}
