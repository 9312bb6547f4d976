package io.mosaic.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.mosaic.form.record.FormulaConditionEvaluator;
import io.mosaic.form.record.RecordValidator;
import io.mosaic.form.record.RecordValidators;
import io.mosaic.form.store.SchemaSync;
import io.mosaic.form.store.SqlNames;
import io.mosaic.samples.SamplePacks;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The order form the database benchmarks publish, with its tables and its validator: the sample pack's order form as
 * the hand-written baselines mirror it (bench/src/main/resources/forms/order.form.json), kept apart so that the pack
 * may grow (credit checks, list prices) without the baselines computing other formulas than the platform.
 */
final class SampleOrders {

    static final String APP = SamplePacks.DEALER_MANAGEMENT;
    static final String FORM = "order";
    static final int VERSION = 1;

    private SampleOrders() {
    }

    static String definition() {
        try (InputStream in = SampleOrders.class.getResourceAsStream("/forms/order.form.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
