package io.mosaic.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.SystemColumns;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code forms-submit}: storing a submitted 5-line order of the sample pack through the form engine's
 * {@link RecordStore#create} (validation, formulas, serial number, one transaction) against
 * {@link HandWrittenOrders#submit}, a hand-written MyBatis insert of the same rows into the same tables.
 * Both write to one fresh database in the same run; first they must store the same values.
 */
final class FormsSubmitBenchmark implements Benchmark {

    private static final long USER = 7;
    private static final long ORG = 3;

    @Override
    public String name() {
        return "forms-submit";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        String definition = SampleOrders.definition();
        try (BenchDatabase database = BenchDatabase.open(name(), false)) {
            SampleOrders.syncTables(database.dataSource(), definition);
            RecordStore store = new RecordStore(database.dataSource(), SampleOrders.APP, SampleOrders.VERSION,
                    SampleOrders.validator(definition), Clock.systemUTC());
            HandWrittenOrders baseline = new HandWrittenOrders(database.dataSource(), Clock.systemUTC());
            Actor actor = new Actor(USER, ORG, null);
            String order = FormsValidateBenchmark.ORDER;
            requireSameRows(store, store.create(order, actor, Locale.CHINA),
                    baseline.submit(order, USER, ORG, SampleOrders.VERSION));

            int warmup = quick ? 500 : 2_000;
            int rounds = 5;
            int calls = quick ? 300 : 2_000;
            Stopwatch.Pair micros = Stopwatch.compare(
                    () -> (int) store.create(order, actor, Locale.CHINA),
                    () -> (int) baseline.submit(order, USER, ORG, SampleOrders.VERSION),
                    warmup, rounds, calls);
            return new Result(micros.platformMicros(), micros.baselineMicros(), "us/order", List.of(String.format(
                    Locale.ROOT, "%,d orders of 5 lines a side after %,d to warm up, on %s",
                    rounds * calls, warmup, database.description())));
        }
    }

    /** Both sides must store the same order: the same values in the order and line rows, numbers and times apart. */
    private static void requireSameRows(RecordStore store, long platformId, long baselineId) throws SQLException {
        ObjectNode platform = comparable(store.read(platformId).orElseThrow());
        ObjectNode baseline = comparable(store.read(baselineId).orElseThrow());
        if (!platform.equals(baseline)) {
            throw new IllegalStateException("The two sides stored different orders:\n  platform " + platform
                    + "\n  baseline " + baseline);
        }
    }

    private static ObjectNode comparable(ObjectNode record) {
        record.remove(List.of(SystemColumns.ID, SystemColumns.CREATED_AT, SystemColumns.UPDATED_AT, "number"));
        return record;
    }
}
