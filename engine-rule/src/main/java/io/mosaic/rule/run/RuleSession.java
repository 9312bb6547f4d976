package io.mosaic.rule.run;

import io.mosaic.form.formula.FormulaException;
import org.kie.api.definition.type.ClassReactive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one fact a rule set's session holds: the generated DRL asks it {@code test(leaf)} in conditions and tells
 * it {@code fire(rule)} in consequences. Class-reactive, so {@code update} after a set_field re-evaluates every
 * condition. Public only because the generated rules call it; not an API.
 */
@ClassReactive
public final class RuleSession {

    private final CompiledRules rules;
    private final Map<String, Object> changes = new HashMap<>();
    private final RunContext context;
    private final List<RuleRun.Fired> fired = new ArrayList<>();
    private final int[] firings;
    private final Object[] lastReads;
    private RuntimeException failure;

    RuleSession(CompiledRules rules, RuleFacts facts) {
        this.rules = rules;
        this.context = new RunContext(facts.record(), facts.user(), changes, facts.finder());
        this.firings = new int[rules.rules().size()];
        this.lastReads = new Object[rules.rules().size()];
    }

    /** Whether condition leaf {@code leaf} holds; after a failure nothing holds, and the run reports it. */
    public boolean test(int leaf) {
        if (failure != null) {
            return false;
        }
        Condition.Leaf condition = rules.leaves().get(leaf);
        try {
            return condition.test(context);
        } catch (FormulaException | IllegalArgumentException e) {
            failure = new RuleEvaluationException(rules.key(), ruleOf(condition.pointer()), condition.pointer(), e);
            return false;
        }
    }

    /** Records the effects of rule {@code index}; true when it changed a field, so the rule asks for an update. */
    public boolean fire(int index) {
        if (failure != null) {
            return false;
        }
        CompiledRules.Rule rule = rules.rules().get(index);
        List<Object> reads = reads(rule);
        if (reads.equals(lastReads[index])) {
            return false;
        }
        lastReads[index] = reads;
        firings[index]++;
        List<Effect> effects = new ArrayList<>(rule.actions().size());
        boolean changed = false;
        for (int a = 0; a < rule.actions().size(); a++) {
            Effect effect;
            try {
                effect = rule.actions().get(a).effect(context);
            } catch (FormulaException | IllegalArgumentException e) {
                failure = new RuleEvaluationException(rules.key(), rule.key(),
                        "/rules/" + index + "/actions/" + a, e);
                return false;
            }
            if (effect instanceof Effect.SetField set) {
                Object before = context.has(set.field()) ? RuleValues.normalize(context.value(set.field())) : null;
                Object after = RuleValues.normalize(set.value());
                if (!(before == null ? after == null : after != null && RuleValues.same(before, after))) {
                    changes.put(set.field(), set.value());
                    changed = true;
                }
            }
            effects.add(effect);
        }
        fired.add(new RuleRun.Fired(rule.key(), rule.name(), effects));
        return changed;
    }

    /**
     * What the rule's condition read when it matched. An activation over the same values is Drools re-matching
     * after another rule's unrelated change, not a new match, and is skipped.
     */
    private List<Object> reads(CompiledRules.Rule rule) {
        List<Object> values = new ArrayList<>(rule.reads().size());
        for (String path : rule.reads()) {
            Object value = context.has(path) ? context.value(path) : null;
            values.add(RuleValues.forEffect(RuleValues.normalize(value)));
        }
        return values;
    }

    List<RuleRun.Fired> fired() {
        return fired;
    }

    void rethrowFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    RuleRunawayException runaway(int cap) {
        int most = 0;
        for (int i = 1; i < firings.length; i++) {
            if (firings[i] > firings[most]) {
                most = i;
            }
        }
        return new RuleRunawayException(rules.key(), rules.rules().get(most).key(), firings[most], cap);
    }

    private String ruleOf(String pointer) {
        int index = Integer.parseInt(pointer.split("/")[2]);
        return rules.rules().get(index).key();
    }
}
