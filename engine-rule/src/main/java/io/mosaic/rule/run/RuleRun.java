package io.mosaic.rule.run;

import io.mosaic.api.definition.LocalizedText;

import java.util.ArrayList;
import java.util.List;

/** The rules that fired in one run, in firing order, with what each asked for. */
public record RuleRun(List<Fired> fired) {

    public RuleRun {
        fired = List.copyOf(fired);
    }

    /** One firing of a rule; a rule fires again when fields set by others make it match anew. */
    public record Fired(String ruleKey, LocalizedText name, List<Effect> effects) {
        public Fired {
            effects = List.copyOf(effects);
        }
    }

    /** Every effect of the run, in order. */
    public List<Effect> effects() {
        List<Effect> all = new ArrayList<>();
        fired.forEach(f -> all.addAll(f.effects()));
        return all;
    }
}
