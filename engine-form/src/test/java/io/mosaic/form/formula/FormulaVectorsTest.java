package io.mosaic.form.formula;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every shared vector (src/test/resources/formula/vectors.json) through the server's implementation; the
 * browser test in runtime and designer-ui's node test run the same file through formula.js.
 */
class FormulaVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestFactory
    Stream<DynamicTest> everyVectorGivesItsExpectedOutcome() throws IOException {
        JsonNode file = vectors();
        Clock clock = Clock.fixed(LocalDate.parse(file.get("today").asText()).atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : file.get("vectors")) {
            String expression = vector.get("expr").asText();
            String name = "#" + (tests.size() + 1) + " " + (expression.length() > 60 ? expression.substring(0, 60) + "…" : expression)
                    + (vector.has("values") ? " with " + vector.get("values") : "");
            tests.add(DynamicTest.dynamicTest(name, () -> check(vector, clock)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(120);
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void check(JsonNode vector, Clock clock) throws IOException {
        String expression = vector.get("expr").asText();
        Map<String, Object> values = vector.has("values")
                ? JSON.treeToValue(vector.get("values"), Map.class) : Map.of();
        FormulaContext context = FormulaContext.of(values, clock);
        if (vector.has("error")) {
            assertThatThrownBy(() -> Formula.parse(expression).evaluate(context))
                    .isInstanceOfSatisfying(FormulaException.class, e -> {
                        assertThat(e.code().key()).as("code of %s", e.getMessage()).isEqualTo(vector.get("error").asText());
                        if (vector.has("position")) {
                            assertThat(e.position()).as("position of %s", e.getMessage())
                                    .isEqualTo(vector.get("position").asInt());
                        }
                    });
            return;
        }
        Expression parsed = Formula.parse(expression);
        Object result = parsed.evaluate(context);
        assertThat(typeOf(result)).isEqualTo(vector.get("type").asText());
        switch (vector.get("type").asText()) {
            case "blank" -> assertThat(result).isNull();
            case "boolean" -> assertThat(result).isEqualTo(vector.get("result").asBoolean());
            case "number" -> assertThat(((BigDecimal) result).toPlainString()).isEqualTo(vector.get("result").asText());
            default -> assertThat(result.toString()).isEqualTo(vector.get("result").asText());
        }
        if (vector.has("references")) {
            List<String> expected = new ArrayList<>();
            vector.get("references").forEach(r -> expected.add(r.asText()));
            assertThat(parsed.references()).containsExactlyElementsOf(expected);
        }
    }

    private static String typeOf(Object result) {
        if (result == null) return "blank";
        if (result instanceof BigDecimal) return "number";
        if (result instanceof Boolean) return "boolean";
        if (result instanceof LocalDate) return "date";
        return "text";
    }

    private static JsonNode vectors() throws IOException {
        try (InputStream in = FormulaVectorsTest.class.getResourceAsStream("/formula/vectors.json")) {
            return JSON.readTree(in);
        }
    }
}
