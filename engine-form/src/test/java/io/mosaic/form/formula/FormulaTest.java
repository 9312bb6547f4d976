package io.mosaic.form.formula;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade's contract beyond the shared vectors: safety limits, what a context is asked, the API's shapes. */
class FormulaTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T23:30:00Z"), ZoneOffset.UTC);

    /** A context that remembers every path it was asked about: the formula's only window on the world. */
    private static final class RecordingContext implements FormulaContext {
        final List<String> asked = new ArrayList<>();
        final Map<String, Object> values;
        int todayCalls;

        RecordingContext(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        public boolean has(String path) {
            asked.add(path);
            return values.containsKey(path);
        }

        @Override
        public Object value(String path) {
            return values.get(path);
        }

        @Override
        public LocalDate today() {
            todayCalls++;
            return LocalDate.of(2026, 3, 15);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "java.lang.Runtime.getRuntime().exec(\"id\")",
            "T(java.lang.System).getProperty(\"user.home\")",
            "constructor.constructor(\"return process\")()",
            "${applicationContext}",
            "#{1+1}",
            "new java.io.File(\"/\")",
            "this.getClass().forName(\"java.lang.Runtime\")",
            "x = 1; y = 2",
            "`id`",
            "import(\"/etc/passwd\")",
            "eval(\"1\")",
    })
    void refusesCodeAsFormulaText(String hostile) {
        assertThatThrownBy(() -> Formula.parse(hostile)).isInstanceOf(FormulaException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"__proto__", "constructor", "getClass", "class", "prototype", "System", "Runtime"})
    void reachesNothingButTheContextsPaths(String name) {
        RecordingContext context = new RecordingContext(Map.of("amount", 1));

        assertThatThrownBy(() -> Formula.parse(name + " + amount").evaluate(context))
                .isInstanceOfSatisfying(FormulaException.class,
                        e -> assertThat(e.code()).isEqualTo(FormulaException.Code.UNKNOWN_REFERENCE));
        assertThat(context.asked).containsExactly(name);
    }

    @Test
    void refusesAMegabyteOfTextAtTheLengthLimitWithoutReadingIt() {
        String huge = "(".repeat(1_000_000);

        assertThatThrownBy(() -> Formula.parse(huge)).isInstanceOfSatisfying(FormulaException.class, e -> {
            assertThat(e.code()).isEqualTo(FormulaException.Code.TOO_LONG);
            assertThat(e.position()).isEqualTo(Formula.MAX_LENGTH);
        });
    }

    @ParameterizedTest(name = "{0}…")
    @ValueSource(strings = {"(", "-", "NOT(", "IF(TRUE, "})
    void refusesDeepNestingBeforeTheStackDoes(String opener) {
        String deep = opener.repeat(Formula.MAX_LENGTH / opener.length());

        assertThatThrownBy(() -> Formula.parse(deep)).isInstanceOfSatisfying(FormulaException.class,
                e -> assertThat(e.code()).isEqualTo(FormulaException.Code.TOO_DEEP));
    }

    @Test
    void namesTheCharacterOfAnErrorOneBased() {
        assertThatThrownBy(() -> Formula.parse("1 + (2"))
                .hasMessage("Expected ')' but found the end of the formula (at character 7)")
                .isInstanceOfSatisfying(FormulaException.class, e -> {
                    assertThat(e.position()).isEqualTo(6);
                    assertThat(e.detail()).isEqualTo("Expected ')' but found the end of the formula");
                });
    }

    @Test
    void listsReferencesOnceInOrderOfFirstUse() {
        assertThat(Formula.parse("IF(b > 0, a / b, a) + SUM(lines.amount) + dealer.credit_limit").references())
                .containsExactly("b", "a", "lines.amount", "dealer.credit_limit");
        assertThat(Formula.parse("ROUND(1 / 3, 2)").references()).isEmpty();
    }

    @Test
    void asksTheContextForTodayOncePerEvaluation() {
        RecordingContext context = new RecordingContext(Map.of());

        Object days = Formula.parse("DATEDIF(TODAY(), TODAY(), \"d\") + DATEDIF(TODAY(), TODAY(), \"m\")").evaluate(context);

        assertThat(days).isEqualTo(BigDecimal.ZERO);
        assertThat(context.todayCalls).isEqualTo(1);
    }

    @Test
    void takesTodayFromTheClocksZone() {
        Expression today = Formula.parse("TODAY()");

        assertThat(today.evaluate(FormulaContext.of(Map.of(), CLOCK))).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(today.evaluate(FormulaContext.of(Map.of(), CLOCK.withZone(ZoneId.of("Asia/Shanghai")))))
                .isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void acceptsEveryJavaNumberTypeAndDatesFromTheContext() {
        Map<String, Object> values = new HashMap<>();
        values.put("i", 1);
        values.put("l", 2L);
        values.put("d", 0.25d);
        values.put("big", new BigInteger("10000000000000000000000"));
        values.put("signed", LocalDate.of(2026, 1, 1));

        Object result = Formula.parse("i + l + d + big + DATEDIF(signed, \"2026-01-31\", \"d\")")
                .evaluate(FormulaContext.of(values, CLOCK));

        assertThat(result).isEqualTo(new BigDecimal("10000000000000000000033.25"));
    }

    @Test
    void refusesAContextValueItCannotUse() {
        assertThatThrownBy(() -> Formula.parse("x + 1").evaluate(FormulaContext.of(Map.of("x", new Object()), CLOCK)))
                .isInstanceOfSatisfying(FormulaException.class,
                        e -> assertThat(e.code()).isEqualTo(FormulaException.Code.TYPE))
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> Formula.parse("x + 1").evaluate(FormulaContext.of(Map.of("x", Double.NaN), CLOCK)))
                .isInstanceOf(FormulaException.class);
    }

    @Test
    void evaluatesOneParsedFormulaAgainstManyRecords() {
        Expression total = Formula.parse("SUM(lines.amount) * (1 + rate)");

        assertThat(total.evaluate(FormulaContext.of(Map.of("rate", 0.1,
                "lines", List.of(Map.of("amount", 10), Map.of("amount", 20))), CLOCK))).isEqualTo(new BigDecimal("33"));
        assertThat(total.evaluate(FormulaContext.of(Map.of("rate", 0, "lines", List.of()), CLOCK)))
                .isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void doesNotCallArbitraryCode() {
        assertThatThrownBy(() -> Formula.parse("UPPER.toString()")).isInstanceOfSatisfying(FormulaException.class,
                e -> assertThat(e.detail()).isEqualTo("'UPPER.toString' is a field, not a function: only the built-in functions can be called"));
        assertThatThrownBy(() -> Formula.parse("getRuntime()")).isInstanceOfSatisfying(FormulaException.class,
                e -> assertThat(e.code()).isEqualTo(FormulaException.Code.UNKNOWN_FUNCTION));
    }

    @Test
    void lookupAsksTheContextForTheRecordMatchingEveryKeyAndNamesWhatItReads() {
        Map<String, Object> asked = new HashMap<>();
        FormulaContext context = new FormulaContext() {
            @Override
            public boolean has(String path) {
                return path.equals("dealer.level") || path.equals("product");
            }

            @Override
            public Object value(String path) {
                return path.equals("product") ? 7 : "A";
            }

            @Override
            public LocalDate today() {
                return LocalDate.of(2026, 3, 15);
            }

            @Override
            public Object match(String form, String field, Map<String, Object> keys) {
                asked.put(form + "." + field, keys);
                return keys.get("level").equals("A") ? 88.5 : null;
            }
        };
        Expression price = Formula.parse("LOOKUP(\"price_list\", \"price\", \"level\", dealer.level, \"product\", product) * 2");

        assertThat(price.evaluate(context)).isEqualTo(new BigDecimal("177"));
        assertThat(asked).containsEntry("price_list.price", Map.of("level", "A", "product", BigDecimal.valueOf(7)));
        assertThat(price.lookups()).containsExactly(new Lookup("price_list", "price", List.of("level", "product"), 0));
        assertThat(price.references()).containsExactly("dealer.level", "product");
    }

    @Test
    void lookupOfAContextThatReachesNoOtherFormIsBlank() {
        assertThat(Formula.parse("ISBLANK(LOOKUP(\"price_list\", \"price\", \"level\", \"A\"))")
                .evaluate(FormulaContext.of(Map.of(), CLOCK))).isEqualTo(true);
    }
}
