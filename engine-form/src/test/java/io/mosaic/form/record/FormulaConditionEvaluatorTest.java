package io.mosaic.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaConditionEvaluatorTest {

    private final FormulaConditionEvaluator conditions =
            new FormulaConditionEvaluator(Clock.fixed(Instant.parse("2026-03-15T08:00:00Z"), ZoneOffset.UTC));

    private final JsonNode record = json("""
            {"level": "b", "needs_invoice": true, "amount": 1200.50, "signed_on": "2026-03-01", "dealer": 7,
             "lines": [{"price": 0, "qty": 2}, {"price": 15.5, "qty": 1}, {"qty": 3}]}""");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "level = \"b\" | true",
            "needs_invoice | true",
            "AND(needs_invoice, amount > 1000) | true",
            "amount > 5000 | false",
            "SUM(lines.price) = 15.5 | true",
            "COUNT(lines.qty) >= 3 | true",
            "DATEDIF(signed_on, TODAY(), \"d\") = 14 | true",
            "ISBLANK(remark) | true",
            "remark = \"x\" | false",
            "level = 1 | false",
            "amount | false",
            "dealer.credit_limit > 0 | false",
            "lines | false",
    })
    void decidesAConditionOverTheRecord(String expression, boolean holds) {
        assertThat(conditions.holds(expression, record, null)).isEqualTo(holds);
    }

    @Test
    void readsTheRowsOwnColumnsBeforeTheRecordsFields() {
        JsonNode row = record.at("/lines/1");

        assertThat(conditions.holds("price > 10", record, row)).isTrue();
        assertThat(conditions.holds("price > 10", record, record.at("/lines/0"))).isFalse();
        assertThat(conditions.holds("AND(qty = 1, level = \"b\")", record, row)).isTrue();
        assertThat(conditions.holds("ISBLANK(price)", record, record.at("/lines/2"))).isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return Fixtures.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
