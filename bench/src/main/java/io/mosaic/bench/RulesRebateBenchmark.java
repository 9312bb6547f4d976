package io.mosaic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.rule.api.DecisionTableKind;
import io.mosaic.rule.run.CompiledDecision;
import io.mosaic.rule.run.DecisionResult;
import io.mosaic.rule.run.RuleEngine;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code rules-rebate}: the rebate of each of 100,000 orders (quarter sales × dealer level → rate, rebate = sales ×
 * rate) through a 12-row first-hit decision table in the rule engine — inputs computed by their formulas from the
 * record, rows matched by the compiled KieBase, in batches as a period-end run does — against a hand-written loop
 * of ifs doing the same arithmetic on the same records.
 */
final class RulesRebateBenchmark implements Benchmark {

    /** Lower bounds of the four sales tiers, and the rate per tier for levels A, B and any other. */
    private static final long[] TIERS = {0, 500_000, 1_000_000, 2_000_000};
    private static final String[][] RATES = {
            {"0.010", "0.008", "0.005"}, {"0.020", "0.015", "0.010"},
            {"0.030", "0.025", "0.015"}, {"0.050", "0.040", "0.020"}};

    @Override
    public String name() {
        return "rules-rebate";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        String table = table();
        if (!new DecisionTableKind().validate("tiered_rebate", table).isEmpty()) {
            throw new IllegalStateException("The benchmark's table should be valid: "
                    + new DecisionTableKind().validate("tiered_rebate", table));
        }
        CompiledDecision decision = new RuleEngine().decision("bench/tiered_rebate/1", table);
        int orders = quick ? 20_000 : 100_000;
        List<FormulaContext> records = orders(orders);
        BigDecimal platform = platform(decision, records);
        BigDecimal baseline = baseline(records);
        if (platform.compareTo(baseline) != 0) {
            throw new IllegalStateException("Both sides should give the same rebates: " + platform + " vs " + baseline);
        }
        Stopwatch.Pair micros = Stopwatch.compare(() -> platform(decision, records).intValue(),
                () -> baseline(records).intValue(), quick ? 1 : 2, quick ? 3 : 5, 1);
        return new Result(micros.platformMicros() / 1_000, micros.baselineMicros() / 1_000,
                "ms/" + orders / 1_000 + "k-orders", List.of(String.format(Locale.ROOT,
                "%d orders through a 12-row table in %.2f s", orders, micros.platformMicros() / 1e6)));
    }

    private static BigDecimal platform(CompiledDecision decision, List<FormulaContext> records) {
        List<DecisionResult> results = decision.evaluateAll(records);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < records.size(); i++) {
            BigDecimal sales = (BigDecimal) records.get(i).value("quarter_sales");
            total = total.add(sales.multiply((BigDecimal) results.get(i).outputs().get("rate")));
        }
        return total;
    }

    /** The same tiers as hand-written ifs over the same records. */
    private static BigDecimal baseline(List<FormulaContext> records) {
        BigDecimal total = BigDecimal.ZERO;
        for (FormulaContext record : records) {
            BigDecimal sales = (BigDecimal) record.value("quarter_sales");
            Object level = record.value("dealer.level");
            int tier = sales.compareTo(BigDecimal.valueOf(TIERS[3])) >= 0 ? 3
                    : sales.compareTo(BigDecimal.valueOf(TIERS[2])) >= 0 ? 2
                    : sales.compareTo(BigDecimal.valueOf(TIERS[1])) >= 0 ? 1 : 0;
            int column = "A".equals(level) ? 0 : "B".equals(level) ? 1 : 2;
            total = total.add(sales.multiply(new BigDecimal(RATES[tier][column])));
        }
        return total;
    }

    private static List<FormulaContext> orders(int count) {
        Random random = new Random(42);
        Clock clock = Clock.systemUTC();
        List<FormulaContext> records = new ArrayList<>(count);
        String[] levels = {"A", "B", "C", "D"};
        for (int i = 0; i < count; i++) {
            records.add(FormulaContext.of(Map.of("quarter_sales", BigDecimal.valueOf(random.nextInt(3_000_000)),
                    "dealer", Map.of("level", levels[random.nextInt(levels.length)])), clock));
        }
        return records;
    }

    /** 12 rows: four sales tiers × levels A, B and any other, first hit; no gaps below 0 thanks to the first tier. */
    static String table() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("key", "tiered_rebate").put("hitPolicy", "first");
        root.putObject("name").put("zh-CN", "阶梯返利").put("en", "Tiered rebate");
        ArrayNode inputs = root.putArray("inputs");
        ObjectNode sales = inputs.addObject().put("key", "quarter_sales").put("type", "number")
                .put("expression", "quarter_sales");
        sales.putObject("label").put("zh-CN", "季度销售额").put("en", "Quarter sales");
        ObjectNode level = inputs.addObject().put("key", "dealer_level").put("type", "text")
                .put("expression", "dealer.level");
        level.putObject("label").put("zh-CN", "经销商等级").put("en", "Dealer level");
        ObjectNode rate = root.putArray("outputs").addObject().put("key", "rate").put("type", "number");
        rate.putObject("label").put("zh-CN", "返利比例").put("en", "Rate");
        ArrayNode rows = root.putArray("rows");
        for (int t = TIERS.length - 1; t >= 0; t--) {
            for (int c = 0; c < 3; c++) {
                ObjectNode row = rows.addObject().put("key", "tier" + t + "_" + "abx".charAt(c));
                ArrayNode cells = row.putArray("inputs");
                if (t == 0) {
                    cells.addObject().put("op", "any");
                } else {
                    cells.addObject().put("op", "gte").put("value", TIERS[t]);
                }
                if (c == 2) {
                    cells.addObject().put("op", "any");
                } else {
                    cells.addObject().put("op", "eq").put("value", c == 0 ? "A" : "B");
                }
                row.putArray("outputs").add(new BigDecimal(RATES[t][c]));
            }
        }
        return root.toString();
    }
}
