package io.mosaic.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mosaic.form.record.FormulaConditionEvaluator;
import io.mosaic.form.record.RecordValidators;

import java.time.Clock;
import java.util.Locale;

/**
 * {@code forms-validate}: checking a submitted order of the sample pack (5 lines) through the form
 * engine — the validator cached for the published version, looked up per call as a request would,
 * JSON Schema plus coded, localised errors — against {@link HandWrittenOrderRecordCheck}. Both
 * sides start from the record text.
 */
final class FormsValidateBenchmark implements Benchmark {

    static final String ORDER = """
            {"dealer": 17, "order_date": "2026-11-24", "delivery_date": "2026-12-01", "discount": 5,
             "payment": "credit", "remark": "Deliver to the north gate",
             "lines": [
               {"product": 101, "quantity": 10, "price": 12.50},
               {"product": 102, "quantity": 4, "price": 99.99},
               {"product": 103, "quantity": 120, "price": 0.35},
               {"product": 104, "quantity": 1, "price": 1500},
               {"product": 105, "quantity": 36, "price": 7.2}
             ]}
            """;

    @Override
    public String name() {
        return "forms-validate";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        String definition = SampleOrders.definition();
        RecordValidators validators = new RecordValidators(new FormulaConditionEvaluator(Clock.systemUTC()));
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        if (!validators.validator("order", "1", () -> definition).validate(ORDER, Locale.CHINA).isEmpty()
                || !HandWrittenOrderRecordCheck.check(json.readTree(ORDER)).isEmpty()) {
            throw new IllegalStateException("The sample order should be valid on both sides");
        }
        int warmup = quick ? 5_000 : 30_000;
        int rounds = quick ? 5 : 9;
        int calls = quick ? 3_000 : 20_000;
        Stopwatch.Pair micros = Stopwatch.compare(
                () -> validators.validator("order", "1", () -> definition).validate(ORDER, Locale.CHINA).size() + 1,
                () -> HandWrittenOrderRecordCheck.check(json.readTree(ORDER)).size() + 1,
                warmup, rounds, calls);
        return new Result(micros.platformMicros(), micros.baselineMicros(), "us/validation");
    }
}
