package io.mosaic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.rule.run.DrlCompiler;
import io.mosaic.rule.run.RuleEngine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code rules-compile}: compiling a 200-rule set through the platform — schema and semantic checks, formula
 * parsing, the whitelisted generator, the KieBase build — against the same 200 rules written directly as DRL over
 * a plain fact class, built through the same {@link DrlCompiler} path.
 */
final class RulesCompileBenchmark implements Benchmark {

    private static final int RULES = 200;

    @Override
    public String name() {
        return "rules-compile";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        String ruleSet = ruleSet();
        String drl = drl();
        AtomicInteger version = new AtomicInteger();
        RuleEngine engine = new RuleEngine();
        Stopwatch.Pair micros = Stopwatch.compare(
                () -> engine.rules("bench/large/" + version.incrementAndGet(), ruleSet).drl().length(),
                () -> DrlCompiler.compile(drl).getKiePackages().size(),
                quick ? 2 : 3, quick ? 3 : 5, 1);
        return new Result(micros.platformMicros() / 1_000, micros.baselineMicros() / 1_000, "ms/compile");
    }

    /** Rule i: total above 1000·i and the status not closed → flag i. */
    private static String ruleSet() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("key", "large").put("form", "order");
        root.putObject("name").put("zh-CN", "大规则集").put("en", "Large rule set");
        root.putObject("trigger").put("type", "before_save");
        ArrayNode rules = root.putArray("rules");
        for (int i = 0; i < RULES; i++) {
            ObjectNode rule = rules.addObject().put("key", "large_" + i).put("priority", i % 10);
            rule.putObject("name").put("zh-CN", "规则 " + i).put("en", "Rule " + i);
            ArrayNode all = rule.putObject("condition").putArray("all");
            all.addObject().put("field", "total").put("op", "gt").put("value", 1000L * i);
            all.addObject().put("field", "status").put("op", "ne").put("value", "closed");
            rule.putArray("actions").addObject().put("type", "set_field").put("field", "flag_" + i).put("value", true);
        }
        return root.toString();
    }

    private static String drl() {
        StringBuilder drl = new StringBuilder("package io.mosaic.rule.gen;\nimport ")
                .append(RuleBenchOrder.class.getName()).append(";\n");
        for (int i = 0; i < RULES; i++) {
            drl.append("rule \"large_").append(i).append("\"\n    salience ").append(i % 10).append("\nwhen\n")
                    .append("    $o : RuleBenchOrder(total > ").append(1000L * i).append(", status != \"closed\")\n")
                    .append("then\n    $o.flag(").append(i).append(");\nend\n");
        }
        return drl.toString();
    }
}
