package io.mosaic.rule.run;

import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.formula.FormulaException;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decision table compiled to a KieBase; thread-safe. */
public final class CompiledDecision {

    /** How many input sets one session evaluates in {@link #evaluateAll}. */
    private static final int BATCH = 2_000;

    record Input(String key, String type, Expression expression) {
    }

    private final String key;
    private final String hitPolicy;
    private final String aggregation;
    private final List<Input> inputs;
    private final List<String> outputKeys;
    private final DecisionCell[][] cells;
    private final Object[][] outputs;
    private final int[] priorities;
    private final String drl;
    private final KieBase kieBase;
    private final StatelessKieSession session;

    CompiledDecision(String key, String hitPolicy, String aggregation, List<Input> inputs, List<String> outputKeys,
                     DecisionCell[][] cells, Object[][] outputs, int[] priorities, String drl, KieBase kieBase) {
        this.key = key;
        this.hitPolicy = hitPolicy;
        this.aggregation = aggregation;
        this.inputs = inputs;
        this.outputKeys = outputKeys;
        this.cells = cells;
        this.outputs = outputs;
        this.priorities = priorities;
        this.drl = drl;
        this.kieBase = kieBase;
        this.session = kieBase.newStatelessKieSession();
    }

    public String key() {
        return key;
    }

    /** The generated DRL, for inspection: only generated names and numbers, never the table's text. */
    public String drl() {
        return drl;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Evaluates the table for inputs given by input key (numbers, text, booleans, ISO dates; missing = blank). */
    public DecisionResult evaluate(Map<String, ?> values) {
        Object[] row = new Object[inputs.size()];
        for (int c = 0; c < row.length; c++) {
            row[c] = DecisionCell.columnValue(values.get(inputs.get(c).key()), inputs.get(c).type());
        }
        DecisionFacts facts = new DecisionFacts(cells, row);
        session.execute(facts);
        return result(facts.hits());
    }

    /** Evaluates the table for a record: each input is its formula over the record. */
    public DecisionResult evaluate(FormulaContext record) {
        return evaluate(inputs(record));
    }

    /** The table's inputs computed from a record, by input key (what a simulation shows next to the result). */
    public Map<String, Object> inputs(FormulaContext record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int c = 0; c < inputs.size(); c++) {
            Input input = inputs.get(c);
            try {
                values.put(input.key(), input.expression().evaluate(record));
            } catch (FormulaException e) {
                throw new RuleEvaluationException(key, input.key(), "/inputs/" + c + "/expression", e);
            }
        }
        return values;
    }

    /** Evaluates many records, many per session (a period's batch); results in the records' order. */
    public List<DecisionResult> evaluateAll(List<? extends FormulaContext> records) {
        List<DecisionResult> results = new ArrayList<>(records.size());
        for (int start = 0; start < records.size(); start += BATCH) {
            List<DecisionFacts> batch = new ArrayList<>(Math.min(BATCH, records.size() - start));
            for (FormulaContext record : records.subList(start, Math.min(records.size(), start + BATCH))) {
                Map<String, Object> values = inputs(record);
                Object[] row = new Object[inputs.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = DecisionCell.columnValue(values.get(inputs.get(c).key()), inputs.get(c).type());
                }
                batch.add(new DecisionFacts(cells, row));
            }
            session.execute(batch);
            batch.forEach(facts -> results.add(result(facts.hits())));
        }
        return results;
    }

    private DecisionResult result(BitSet hits) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (hits.isEmpty() && !"collect".equals(hitPolicy)) {
            return new DecisionResult(List.of(), values);
        }
        switch (hitPolicy) {
            case "first" -> {
                int row = hits.nextSetBit(0);
                put(values, row);
                return new DecisionResult(List.of(row), values);
            }
            case "priority" -> {
                int best = hits.nextSetBit(0);
                for (int r = hits.nextSetBit(best + 1); r >= 0; r = hits.nextSetBit(r + 1)) {
                    if (priorities[r] > priorities[best]) {
                        best = r;
                    }
                }
                put(values, best);
                return new DecisionResult(List.of(best), values);
            }
            default -> {
                List<Integer> matched = new ArrayList<>();
                hits.stream().forEach(matched::add);
                for (int o = 0; o < outputKeys.size(); o++) {
                    values.put(outputKeys.get(o), aggregate(matched, o));
                }
                return new DecisionResult(List.copyOf(matched), values);
            }
        }
    }

    private Object aggregate(List<Integer> matched, int output) {
        if ("list".equals(aggregation)) {
            List<Object> list = new ArrayList<>();
            matched.forEach(r -> list.add(outputs[r][output]));
            return list;
        }
        BigDecimal result = "sum".equals(aggregation) ? BigDecimal.ZERO : null;
        for (int r : matched) {
            BigDecimal value = (BigDecimal) outputs[r][output];
            if (result == null) {
                result = value;
            } else if ("sum".equals(aggregation)) {
                result = result.add(value);
            } else if ("min".equals(aggregation) ? value.compareTo(result) < 0 : value.compareTo(result) > 0) {
                result = value;
            }
        }
        return result == null ? null : RuleValues.forEffect(result);
    }

    private void put(Map<String, Object> values, int row) {
        for (int o = 0; o < outputKeys.size(); o++) {
            values.put(outputKeys.get(o), outputs[row][o]);
        }
    }
}
