package io.mosaic.rule.run;

/**
 * A rule's condition or action that could not be computed on this record (a formula's division by zero, a
 * condition giving text): names the rule set, the rule and the place in the definition.
 */
public final class RuleEvaluationException extends RuntimeException {

    private final String ruleSet;
    private final String rule;
    private final String pointer;

    RuleEvaluationException(String ruleSet, String rule, String pointer, RuntimeException cause) {
        super("The rule " + rule + " of " + ruleSet + " failed at " + pointer + ": " + cause.getMessage(), cause);
        this.ruleSet = ruleSet;
        this.rule = rule;
        this.pointer = pointer;
    }

    public String ruleSet() {
        return ruleSet;
    }

    public String rule() {
        return rule;
    }

    /** JSON Pointer into the rule set, e.g. {@code /rules/2/condition/all/1/expression}. */
    public String pointer() {
        return pointer;
    }
}
