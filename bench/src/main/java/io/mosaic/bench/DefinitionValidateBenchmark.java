package io.mosaic.bench;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mosaic.form.api.FormKind;

/**
 * {@code definition-validate}: validating the sample pack's order form (27 fields and columns,
 * a sub-table, lookups, formulas, a serial) through {@link FormKind} — cached compiled schema plus
 * semantic checks — against {@link HandWrittenFormCheck}. Both sides start from the definition text.
 */
final class DefinitionValidateBenchmark implements Benchmark {

    private static final String KEY = "order";

    @Override
    public String name() {
        return "definition-validate";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        String order = SampleOrders.definition();
        FormKind kind = new FormKind();
        // The same parser settings as the platform: a repeated member is an error, not a silent overwrite.
        ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        // Both sides must agree the form is valid, or the comparison is of different work.
        if (!kind.validate(KEY, order).isEmpty() || !HandWrittenFormCheck.check(KEY, json.readTree(order)).isEmpty()) {
            throw new IllegalStateException("The sample order form should be valid on both sides");
        }
        int warmup = quick ? 3_000 : 20_000;
        int rounds = quick ? 5 : 9;
        int calls = quick ? 2_000 : 10_000;
        Stopwatch.Pair micros = Stopwatch.compare(
                () -> kind.validate(KEY, order).size() + 1,
                () -> HandWrittenFormCheck.check(KEY, json.readTree(order)).size() + 1,
                warmup, rounds, calls);
        return new Result(micros.platformMicros(), micros.baselineMicros(), "us/validation");
    }
}
