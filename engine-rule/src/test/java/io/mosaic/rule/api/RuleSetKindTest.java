package io.mosaic.rule.api;

import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetKindTest {

    private final RuleSetKind kind = new RuleSetKind();

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource({
            "order-checks.rules.json, order_checks",
            "contract-expiry-reminder.rules.json, contract_expiry",
            "webhook-to-erp.rules.json, to_erp",
    })
    void acceptsRuleSets(String fixture, String key) {
        assertThat(kind.validate(key, Fixtures.read("rules/" + fixture))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "duplicate-rule-key.rules.json, /rules/1/key",
            "reject-after-save.rules.json, /rules/0/actions/0",
            "schedule-without-cron.rules.json, /trigger",
            "field-changed-without-fields.rules.json, /trigger/fields",
            "cron-on-before-save.rules.json, /trigger/cron",
            "unknown-trigger.rules.json, /trigger/type",
            "condition-with-two-forms.rules.json, /rules/0/condition/all/1",
            "comparison-without-value.rules.json, /rules/0/condition/all/0/value",
            "in-with-single-value.rules.json, /rules/0/condition/all/2/not/value",
            "notify-without-recipients.rules.json, /rules/1/actions/1/to",
            "webhook-without-endpoint.rules.json, /rules/0/actions/0/webhook",
            "set-field-value-and-expression.rules.json, /rules/1/actions/0",
            "action-with-script.rules.json, /rules/1/actions/0/script",
    })
    void refusesInvalidRuleSetAtPointer(String fixture, String pointer) {
        List<DefinitionProblem> problems = kind.validate("order_checks", Fixtures.read("rules/" + fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(pointer);
    }

    @Test
    void explainsWhyOnlyBeforeSaveMayReject() {
        assertThat(kind.validate("order_checks", Fixtures.read("rules/reject-after-save.rules.json")))
                .containsExactly(DefinitionProblem.at("/rules/0/actions/0",
                        "Only a before_save rule set can reject a save; this one runs on after_save"));
    }

    @Test
    void isRegisteredForServiceLoading() {
        assertThat(DefinitionKinds.load().forFileName("rebate.rules.json")).containsInstanceOf(RuleSetKind.class);
    }
}
