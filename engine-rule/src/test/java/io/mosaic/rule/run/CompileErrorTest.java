package io.mosaic.rule.run;

import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Errors point back at the rule and condition (or table column) that caused them. */
class CompileErrorTest {

    private final RuleEngine engine = new RuleEngine();

    @Test
    void aFormulaThatDoesNotParsePointsAtItsCondition() {
        String json = Records.fixture("rules/order-checks.rules.json")
                .replace("total > dealer.credit_limit", "total > (dealer.credit_limit");

        assertThatThrownBy(() -> engine.rules("k", json)).isInstanceOfSatisfying(RuleCompileException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/rules/0/condition/all/1/expression");
                    assertThat(p.message()).startsWith("The formula cannot be read");
                }));
    }

    @Test
    void aFormulaInAnActionPointsAtTheAction() {
        String json = Records.ruleSet(null, "[{\"type\": \"set_field\", \"field\": \"a\", \"expression\": \"1 +\"}]");

        assertThatThrownBy(() -> engine.rules("k", json)).isInstanceOfSatisfying(RuleCompileException.class,
                e -> assertThat(e.problems()).extracting(DefinitionProblem::pointer)
                        .containsExactly("/rules/0/actions/0/expression"));
    }

    @Test
    void anInvalidRuleSetIsRefusedWithTheKindsProblems() {
        assertThatThrownBy(() -> engine.rules("k", Records.fixture("rules/duplicate-rule-key.rules.json")))
                .isInstanceOfSatisfying(RuleCompileException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::pointer).containsExactly("/rules/1/key"));
    }

    @Test
    void aDecisionInputFormulaThatDoesNotParsePointsAtTheInput() {
        String json = Records.fixture("decision/tiered-rebate.decision.json").replace("SUM(total)", "SUM(total");

        assertThatThrownBy(() -> engine.decision("k", json)).isInstanceOfSatisfying(RuleCompileException.class,
                e -> assertThat(e.problems()).extracting(DefinitionProblem::pointer)
                        .containsExactly("/inputs/0/expression"));
    }

    @Test
    void aDrlErrorMapsToTheRuleThatGeneratedTheLine() {
        DrlText drl = new DrlText();
        drl.line("package " + DrlCompiler.PACKAGE + ";");
        drl.line("import " + RuleSession.class.getName() + ";");
        drl.begin("/rules/0");
        drl.line("rule \"r_0\" when $s : RuleSession(test(0)) then $s.fire(0); end");
        drl.end();
        drl.begin("/rules/1");
        drl.line("rule \"r_1\" when");
        drl.line("    $s : RuleSession(test(1) &&& )");
        drl.line("then end");
        drl.end();

        assertThatThrownBy(() -> DrlCompiler.compile(drl.text(), drl::pointerAt))
                .isInstanceOfSatisfying(RuleCompileException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::pointer).isNotEmpty().containsOnly("/rules/1"));
    }

    @Test
    void aConditionThatCannotBeComputedNamesTheRuleAndThePointer() {
        CompiledRules rules = engine.rules("k", Records.ruleSet("{\"expression\": \"total / count > 1\"}",
                "[{\"type\": \"start_process\", \"process\": \"p\"}]"));

        assertThatThrownBy(() -> rules.run(Records.facts(Map.of("total", 1, "count", 0))))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.ruleSet()).isEqualTo("checks");
                    assertThat(e.rule()).isEqualTo("only");
                    assertThat(e.pointer()).isEqualTo("/rules/0/condition");
                });
    }
}
