package io.mosaic.rule.run;

/**
 * A run of a rule set that went past its cap of firings, almost always rules that keep changing fields the
 * others read. Names the rule set and the rule that fired most.
 */
public final class RuleRunawayException extends RuntimeException {

    private final String ruleSet;
    private final String rule;
    private final int firings;

    RuleRunawayException(String ruleSet, String rule, int ruleFirings, int cap) {
        super("The rule set " + ruleSet + " was stopped after " + cap + " rule firings in one run; the rule " + rule
                + " fired " + ruleFirings + " times. Rules that set fields which make each other match again "
                + "never come to rest: change their conditions so that a set value stops them.");
        this.ruleSet = ruleSet;
        this.rule = rule;
        this.firings = ruleFirings;
    }

    public String ruleSet() {
        return ruleSet;
    }

    /** The key of the rule that fired most. */
    public String rule() {
        return rule;
    }

    public int firings() {
        return firings;
    }
}
