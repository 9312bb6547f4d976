package io.mosaic.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.RecordSchema;
import io.mosaic.form.record.RecordValidator;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline is only a fair comparison if it finds what the platform finds. */
class HandWrittenOrderRecordCheckTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final RecordValidator PLATFORM = RecordValidator.compile(
            RecordSchema.of("order", SampleOrders.definition()), null);

    @Test
    void acceptsTheBenchmarkOrderLikeThePlatform() throws Exception {
        assertSameProblems(order -> { }, 0);
    }

    @Test
    void findsTheSameProblemsAsThePlatform() throws Exception {
        assertSameProblems(order -> order.remove("dealer"), 1);
        assertSameProblems(order -> order.put("dealer", 0), 1);
        assertSameProblems(order -> order.put("order_date", "2026-02-30"), 1);
        assertSameProblems(order -> order.putNull("delivery_date"), 0);
        assertSameProblems(order -> order.put("discount", 30.5), 1);
        assertSameProblems(order -> order.put("discount", 2.55555), 1);
        assertSameProblems(order -> order.put("payment", "cash"), 1);
        assertSameProblems(order -> order.put("remark", "r".repeat(1001)), 1);
        assertSameProblems(order -> order.put("total", 100), 1);
        assertSameProblems(order -> order.put("id", 1), 1);
        assertSameProblems(order -> order.putArray("lines"), 1);
        assertSameProblems(order -> line(order, 1).put("quantity", 100_001), 1);
        assertSameProblems(order -> line(order, 2).put("price", 0.355), 1);
        assertSameProblems(order -> line(order, 3).put("amount", 1), 1);
        assertSameProblems(order -> line(order, 4).remove("product"), 1);
        assertSameProblems(order -> line(order, 0).put("quantity", "10"), 1);
        assertSameProblems(order -> order.put("dealer", new java.math.BigDecimal("1e400")), 1);
    }

    private static void assertSameProblems(Consumer<ObjectNode> change, int expected) throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(FormsValidateBenchmark.ORDER);
        change.accept(order);
        String content = JSON.writeValueAsString(order);

        assertThat(HandWrittenOrderRecordCheck.check(JSON.readTree(content)))
                .hasSize(expected)
                .containsExactlyInAnyOrderElementsOf(PLATFORM.validate(content, Locale.ENGLISH).stream()
                        .map(RecordError::pointer).toList());
    }

    private static ObjectNode line(ObjectNode order, int index) {
        return (ObjectNode) ((ArrayNode) order.get("lines")).get(index);
    }
}
