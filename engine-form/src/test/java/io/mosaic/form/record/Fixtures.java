package io.mosaic.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiPredicate;

/** Fixtures under {@code record/} and a condition evaluator standing in for the formula language. */
final class Fixtures {

    // Exact numbers, as the validator parses them: 1e400 must reach it as written, not as Infinity.
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The conditions every-field.form.json uses, decided the way the formula language will. */
    static final ConditionEvaluator CONDITIONS = new ConditionEvaluator() {
        private final Map<String, BiPredicate<JsonNode, JsonNode>> known = Map.of(
                "level = \"b\"", (record, row) -> "b".equals(record.path("level").asText()),
                "price = 0", (record, row) -> row.path("price").isNumber() && row.path("price").decimalValue().signum() == 0);

        @Override
        public boolean holds(String expression, JsonNode record, JsonNode row) {
            BiPredicate<JsonNode, JsonNode> condition = known.get(expression);
            if (condition == null) {
                throw new AssertionError("The fixture has no condition " + expression);
            }
            return condition.test(record, row);
        }
    };

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/record/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture record/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String name) {
        try {
            return (ObjectNode) JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets (or with {@code null} text removes) the member at {@code pointer}, whose parent must exist. */
    static ObjectNode with(ObjectNode record, String pointer, String valueJson) {
        ObjectNode copy = record.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        try {
            JsonNode value = valueJson == null ? null : JSON.readTree(valueJson);
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(last);
                } else {
                    object.set(last, value);
                }
            } else {
                ((ArrayNode) parent).set(Integer.parseInt(last), value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }
}
