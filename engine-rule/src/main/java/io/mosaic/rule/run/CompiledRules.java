package io.mosaic.rule.run;

import io.mosaic.api.definition.LocalizedText;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.List;

/** A rule set compiled to a KieBase; thread-safe, each {@link #run} has its own session. */
public final class CompiledRules {

    /**
     * A rule as compiled: its index in the file is its number in the DRL; {@code reads} are the paths its
     * condition reads, which decide whether a new activation in the same run is a new match.
     */
    record Rule(int index, String key, LocalizedText name, int priority, Condition condition, List<Action> actions,
                boolean setsFields, List<String> reads) {
    }

    private final String key;
    private final LocalizedText name;
    private final String form;
    private final Trigger trigger;
    private final List<Rule> rules;
    private final List<Condition.Leaf> leaves;
    private final String drl;
    private final KieBase kieBase;
    private final int maxFirings;
    /**
     * Sessions to reuse: creating a stateful session was a fifth of what a rule set's run added to a save
     * (rules-save bench, JFR); a disposed pooled session is reset and handed to the next run, on any thread.
     */
    private final KieSessionsPool sessions;

    CompiledRules(String key, LocalizedText name, String form, Trigger trigger, List<Rule> rules,
                  List<Condition.Leaf> leaves, String drl, KieBase kieBase, int maxFirings) {
        this.key = key;
        this.name = name;
        this.form = form;
        this.trigger = trigger;
        this.rules = rules;
        this.leaves = leaves;
        this.drl = drl;
        this.kieBase = kieBase;
        this.maxFirings = maxFirings;
        this.sessions = kieBase.newKieSessionsPool(1);
    }

    public String key() {
        return key;
    }

    public LocalizedText name() {
        return name;
    }

    /** The form whose records the rule set reads. */
    public String form() {
        return form;
    }

    public Trigger trigger() {
        return trigger;
    }

    /** The generated DRL, for inspection: only generated names and numbers, never the definition's text. */
    public String drl() {
        return drl;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /**
     * Runs the rules on one record. Rules fire by priority, then in file order; a set_field changes what later
     * conditions read. A rule fires again in the same run only when another rule changed a field its condition
     * reads (its own changes never re-trigger it: no-loop), so unrelated changes do not repeat its effects.
     * Nothing is executed here: the result lists the effects for the caller to carry out or show.
     *
     * @throws RuleRunawayException   past the cap of firings
     * @throws RuleEvaluationException when a condition or action cannot be computed on this record
     */
    public RuleRun run(RuleFacts facts) {
        RuleSession session = new RuleSession(this, facts);
        KieSession kieSession = sessions.newKieSession();
        try {
            kieSession.insert(session);
            int fired = kieSession.fireAllRules(maxFirings);
            if (fired >= maxFirings && kieSession.fireAllRules(1) > 0) {
                session.rethrowFailure();
                throw session.runaway(maxFirings);
            }
        } finally {
            kieSession.dispose();
        }
        session.rethrowFailure();
        return new RuleRun(session.fired());
    }

    List<Rule> rules() {
        return rules;
    }

    List<Condition.Leaf> leaves() {
        return leaves;
    }
}
