package io.mosaic.rule.run;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunawayTest {

    /** Two rules that keep overtaking each other: each firing makes the other match again, with new values. */
    private static final String LEAPFROG = """
            {"key": "leapfrog", "name": {"zh-CN": "跳蛙", "en": "Leapfrog"}, "form": "order",
             "trigger": {"type": "before_save"},
             "rules": [
               {"key": "raise_y", "name": {"zh-CN": "a", "en": "a"}, "priority": 1,
                "condition": {"expression": "x >= y"},
                "actions": [{"type": "set_field", "field": "y", "expression": "x + 1"}]},
               {"key": "raise_x", "name": {"zh-CN": "b", "en": "b"},
                "condition": {"expression": "y > x"},
                "actions": [{"type": "set_field", "field": "x", "expression": "y + 1"}]}
             ]}
            """;

    @Test
    void rulesThatKeepChangingEachOtherAreStoppedAtTheCapNamingTheRuleSetAndTheBusiestRule() {
        CompiledRules rules = new RuleEngine(500).rules("loop", LEAPFROG);

        assertThatThrownBy(() -> rules.run(Records.facts(Map.of("x", 1, "y", 0))))
                .isInstanceOfSatisfying(RuleRunawayException.class, e -> {
                    assertThat(e.ruleSet()).isEqualTo("leapfrog");
                    assertThat(e.rule()).isIn("raise_x", "raise_y");
                    assertThat(e.firings()).isBetween(250, 251);
                })
                .hasMessageContaining("leapfrog").hasMessageContaining("stopped after 500 rule firings");
    }

    @Test
    void theDefaultCapIsTenThousandFirings() {
        CompiledRules rules = new RuleEngine().rules("loop", LEAPFROG);

        assertThatThrownBy(() -> rules.run(Records.facts(Map.of("x", 1, "y", 0))))
                .hasMessageContaining("after 10000 rule firings");
    }

    @Test
    void aRunAfterARunawayStartsClean() {
        CompiledRules rules = new RuleEngine(500).rules("loop", LEAPFROG);
        assertThatThrownBy(() -> rules.run(Records.facts(Map.of("x", 1, "y", 0))))
                .isInstanceOf(RuleRunawayException.class);

        // Sessions are pooled: the stopped run's leftover activations and facts must not reach the next record,
        // which starts from its own values and is stopped after the same number of firings.
        for (int run = 0; run < 3; run++) {
            assertThatThrownBy(() -> rules.run(Records.facts(Map.of("x", 40, "y", 2))))
                    .isInstanceOfSatisfying(RuleRunawayException.class,
                            e -> assertThat(e.firings()).isBetween(250, 251));
        }
    }
}
