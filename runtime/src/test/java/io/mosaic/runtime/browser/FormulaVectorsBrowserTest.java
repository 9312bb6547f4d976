package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The browser's formula.js, as the running application serves it at /js/formula.js, gives every shared vector
 * (engine-form/src/test/resources/formula/vectors.json) the same outcome in headless Chromium as the server's
 * implementation does in FormulaVectorsTest: the same result and type, or the same error code and position.
 */
@Tag("browser")
class FormulaVectorsBrowserTest extends BrowserTest {

    /** Surefire runs in the module's folder; the vectors belong to engine-form, which owns the language. */
    private static final Path VECTORS = Path.of("..", "engine-form", "src", "test", "resources", "formula", "vectors.json");

    /** Imports the served module and answers each vector's outcome, in the shape the vectors file writes them. */
    private static final String RUN_VECTORS = """
            const [vectors, done] = arguments;
            import('/js/formula.js').then(formula => {
              const file = JSON.parse(vectors);
              done(file.vectors.map(vector => {
                try {
                  const expression = formula.parse(vector.expr);
                  const result = expression.evaluate(formula.contextOf(vector.values || {}, file.today));
                  const type = formula.typeOf(result);
                  return { type, result: type === 'blank' ? null : type === 'boolean' ? result : String(result),
                           references: expression.references() };
                } catch (e) {
                  return { error: e.code || String(e), position: e.position };
                }
              }));
            }).catch(e => done(String(e)));
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void everySharedVectorGivesTheServersOutcomeInChromium() throws IOException {
        String vectors = Files.readString(VECTORS);
        browser.go("http://localhost:" + port + "/");

        Object answer = browser.runAsync(RUN_VECTORS, vectors);

        assertThat(answer).as("formula.js answer").isInstanceOf(List.class);
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) answer;
        JsonNode expected = JSON.readTree(vectors).get("vectors");
        assertThat(outcomes).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(120);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Map<String, Object> wanted = expectedOutcome(expected.get(i));
            Map<String, Object> got = new LinkedHashMap<>(outcomes.get(i));
            got.keySet().retainAll(wanted.keySet());
            if (!asJson(got).equals(asJson(wanted))) {
                mismatches.add("#" + (i + 1) + " " + expected.get(i).get("expr").asText() + ": expected " + wanted
                        + " but formula.js gave " + outcomes.get(i));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(browser.scriptErrors()).isEmpty();
    }

    /** Through text, so that WebDriver's Long and Jackson's Integer compare as the same number. */
    private static JsonNode asJson(Object value) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    /** The outcome a vector asks for; position and references only where the vector states them. */
    private static Map<String, Object> expectedOutcome(JsonNode vector) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        for (String key : List.of("error", "position", "type", "result", "references")) {
            if (vector.has(key)) {
                outcome.put(key, JSON.convertValue(vector.get(key), Object.class));
            }
        }
        if ("blank".equals(outcome.get("type"))) {
            outcome.put("result", null);
        }
        return outcome;
    }
}
