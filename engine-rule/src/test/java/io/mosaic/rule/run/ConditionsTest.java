package io.mosaic.rule.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of condition, on an order with two lines, a dealer lookup, a date and the current user. */
class ConditionsTest {

    private static final Map<String, Object> ORDER = Map.of(
            "total", 1200, "status", "open", "remark", "", "tags", List.of("vip", "north"),
            "order_date", "2026-03-01", "dealer", Map.of("credit_limit", 1000, "level", "A"),
            "lines", List.of(Map.of("amount", 700, "product", "p1"), Map.of("amount", 500, "product", "p2")));

    private final RuleEngine engine = new RuleEngine();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"field\": \"total\", \"op\": \"eq\", \"value\": 1200}                        | true",
            "{\"field\": \"total\", \"op\": \"ne\", \"value\": 1200}                        | false",
            "{\"field\": \"total\", \"op\": \"gt\", \"value\": 1000}                        | true",
            "{\"field\": \"total\", \"op\": \"gte\", \"value\": 1200}                       | true",
            "{\"field\": \"total\", \"op\": \"lt\", \"value\": 1200}                        | false",
            "{\"field\": \"total\", \"op\": \"lte\", \"value\": 1200}                       | true",
            "{\"field\": \"status\", \"op\": \"in\", \"value\": [\"open\", \"new\"]}        | true",
            "{\"field\": \"status\", \"op\": \"not_in\", \"value\": [\"open\"]}             | false",
            "{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"vip\"}                | true",
            "{\"field\": \"status\", \"op\": \"contains\", \"value\": \"pe\"}               | true",
            "{\"field\": \"remark\", \"op\": \"empty\"}                                     | true",
            "{\"field\": \"status\", \"op\": \"not_empty\"}                                 | true",
            "{\"field\": \"total\", \"op\": \"between\", \"value\": [1000, 1200]}           | true",
            "{\"field\": \"order_date\", \"op\": \"lt\", \"value\": \"2026-03-02\"}         | true",
            "{\"field\": \"order_date\", \"op\": \"gt\", \"value\": \"2026-03-02\"}         | false",
            "{\"field\": \"dealer.credit_limit\", \"op\": \"lt\", \"value\": 1200}          | true",
            "{\"field\": \"dealer.level\", \"op\": \"eq\", \"value\": \"A\"}                | true",
            "{\"field\": \"lines.amount\", \"op\": \"gt\", \"value\": 600}                  | true",
            "{\"field\": \"lines.amount\", \"op\": \"gt\", \"value\": 600, \"rows\": \"all\"} | false",
            "{\"field\": \"lines.amount\", \"op\": \"gte\", \"value\": 500, \"rows\": \"all\"} | true",
            "{\"field\": \"lines.product\", \"op\": \"eq\", \"value\": 2, \"rows\": \"count\"} | true",
            "{\"field\": \"lines.amount\", \"op\": \"eq\", \"value\": 1200, \"rows\": \"sum\"} | true",
            "{\"field\": \"current_user.roles\", \"op\": \"contains\", \"value\": \"finance\"} | true",
            "{\"field\": \"current_user.username\", \"op\": \"eq\", \"value\": \"bob\"}     | false",
            "{\"expression\": \"total > dealer.credit_limit\"}                             | true",
            "{\"expression\": \"SUM(lines.amount) = total\"}                               | true",
            "{\"expression\": \"DATEDIF(order_date, TODAY(), \\\"d\\\") = 14\"}            | true",
            "{\"expression\": \"COUNT(lines.product) > 2\"}                                | false",
            "{\"all\": [{\"field\": \"total\", \"op\": \"gt\", \"value\": 0}, {\"field\": \"status\", \"op\": \"eq\", \"value\": \"open\"}]} | true",
            "{\"all\": [{\"field\": \"total\", \"op\": \"gt\", \"value\": 0}, {\"field\": \"status\", \"op\": \"eq\", \"value\": \"x\"}]}    | false",
            "{\"any\": [{\"field\": \"total\", \"op\": \"lt\", \"value\": 0}, {\"field\": \"status\", \"op\": \"eq\", \"value\": \"open\"}]} | true",
            "{\"any\": [{\"field\": \"total\", \"op\": \"lt\", \"value\": 0}, {\"not\": {\"field\": \"status\", \"op\": \"eq\", \"value\": \"open\"}}]} | false",
            "{\"not\": {\"any\": [{\"field\": \"total\", \"op\": \"lt\", \"value\": 0}, {\"expression\": \"ISBLANK(remark)\"}]}} | false",
    })
    void conditionHoldsOnTheOrderAsExpected(String condition, boolean holds) {
        CompiledRules rules = engine.rules(condition, Records.ruleSet(condition,
                "[{\"type\": \"set_field\", \"field\": \"hit\", \"value\": true}]"));

        assertThat(rules.run(Records.facts(ORDER)).fired()).hasSize(holds ? 1 : 0);
    }
}
