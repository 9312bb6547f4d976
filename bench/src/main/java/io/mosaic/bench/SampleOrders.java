package io.mosaic.bench;

import io.mosaic.form.record.FormulaConditionEvaluator;
import io.mosaic.form.record.RecordValidator;
import io.mosaic.form.record.RecordValidators;
import io.mosaic.form.store.SchemaSync;
import io.mosaic.form.store.SqlNames;
import io.mosaic.samples.SamplePacks;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;

/** The sample pack's order form as the database benchmarks publish it: its tables and its validator. */
final class SampleOrders {

    static final String APP = SamplePacks.DEALER_MANAGEMENT;
    static final String FORM = "order";
    static final int VERSION = 1;

    private SampleOrders() {
    }

    static String definition() {
        return SamplePacks.content(APP, FORM + ".form.json");
    }

    /** The validator a published version gets, from the cache the runtime keeps. */
    static RecordValidator validator(String definition) {
        return new RecordValidators(new FormulaConditionEvaluator(Clock.systemUTC()))
                .validator(FORM, String.valueOf(VERSION), () -> definition);
    }

    /** Makes or completes the form's tables as publishing does; the hand-written SQL names them itself. */
    static void syncTables(DataSource dataSource, String definition) throws SQLException {
        if (!SqlNames.table(APP, FORM).equals(OrderMapper.TABLE)
                || !SqlNames.childTable(APP, FORM, "lines").equals(OrderMapper.LINES_TABLE)
                || !SqlNames.sequenceTable(APP, FORM).equals(OrderMapper.SEQUENCE_TABLE)) {
            throw new IllegalStateException("OrderMapper names other tables than the platform makes for the order form");
        }
        SchemaSync.apply(APP, null, definition, dataSource);
    }
}
