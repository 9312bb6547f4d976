package io.mosaic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.api.FormKind;
import io.mosaic.samples.SamplePacks;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline is only a fair comparison if it finds what the platform finds. */
class HandWrittenFormCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FormKind kind = new FormKind();

    @Test
    void acceptsTheSampleOrderFormLikeThePlatform() throws Exception {
        assertSameProblems("order", order -> { }, 0);
    }

    @Test
    void findsTheSameProblemsAsThePlatform() throws Exception {
        assertSameProblems("order", order -> field(order, 0).remove("label"), 1);
        assertSameProblems("order", order -> field(order, 1).put("type", "rating"), 1);
        // A renamed field also leaves its place in the layout naming a field that is gone.
        assertSameProblems("order", order -> field(order, 2).put("key", "number"), 2);
        assertSameProblems("order", order -> field(order, 0).put("pattern", "DO-{yyyy}"), 1);
        assertSameProblems("order", order -> field(order, 4).withArray("columns").add(field(order, 4).deepCopy()), 1);
        assertSameProblems("order", order -> ((ObjectNode) field(order, 10).withArray("options").get(1))
                .put("value", "draft"), 1);
        assertSameProblems("order", order -> field(order, 6).put("min", 50).put("max", 5), 1);
        assertSameProblems("order", order -> order.put("colour", "red"), 1);
        assertSameProblems("order", order -> field(order, 3).put("visibleWhen", ""), 1);
        assertSameProblems("sales_order", order -> { }, 1);
        assertSameProblems("order", order -> field(order, 2).put("key", "deleted_at"), 2);
        assertSameProblems("order", order -> ((ArrayNode) order.at("/layout/sections/0/rows/0")).add("total"), 1);
        assertSameProblems("order", order -> ((ArrayNode) order.at("/layout/sections/2/rows/1")).add("number"), 1);
        assertSameProblems("order", order -> field(order, 8).put("indexed", true).put("maxLength", 1000), 1);
        assertSameProblems("order", order -> field(order, 9).put("unique", true), 1);
        assertSameProblems("order", order -> field(order, 0).put("indexed", true), 0);
    }

    private void assertSameProblems(String key, Consumer<ObjectNode> change, int expected) throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(SamplePacks.content("dms", "order.form.json"));
        change.accept(order);
        String content = JSON.writeValueAsString(order);

        assertThat(HandWrittenFormCheck.check(key, JSON.readTree(content)))
                .hasSize(expected)
                .containsExactlyInAnyOrderElementsOf(kind.validate(key, content).stream().map(DefinitionProblem::pointer).toList());
    }

    private static ObjectNode field(ObjectNode form, int index) {
        JsonNode fields = form.get("fields");
        return (ObjectNode) ((ArrayNode) fields).get(index);
    }
}
