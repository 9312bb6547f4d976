package io.mosaic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.TableModel;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code forms-list}: the first page of the 50 newest live orders with one status, out of 1,000,000 orders,
 * through the form engine's {@link RecordStore#list} against {@link HandWrittenOrders#newestWithStatus}, a
 * hand-written MyBatis query of the same table. The order form is the sample pack's with its status
 * {@code indexed}, so both sides have the index publishing makes. The orders are inserted by multi-row INSERTs
 * (not through the engine) and, on H2, kept for the next run while the tables are still those of the form.
 * Both sides are timed query by query, alternating, with the status changing each time.
 */
final class FormsListBenchmark implements Benchmark {

    static final int RECORDS = 1_000_000;
    private static final List<String> STATUSES = List.of("draft", "submitted", "approved", "rejected", "shipped");
    private static final int PAGE = 50;
    private static final int ROWS_PER_INSERT = 500;
    private static final int COMMIT = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDateTime FIRST_ORDER = LocalDateTime.of(2024, 1, 1, 8, 0);
    private static final int DELETED_EVERY = 100;
    private static final int COUNT_CAP = 10_000;

    @Override
    public String name() {
        return "forms-list";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        String definition = definition();
        String fill = fillSignature(definition);
        BenchDatabase database = BenchDatabase.open(name(), true);
        try {
            long fillMillis = 0;
            if (!filled(database.dataSource(), fill)) {
                database.close();
                database = BenchDatabase.open(name(), false);
                SampleOrders.syncTables(database.dataSource(), definition);
                long start = System.nanoTime();
                fill(database.dataSource(), fill);
                fillMillis = (System.nanoTime() - start) / 1_000_000;
            }
            RecordStore store = new RecordStore(database.dataSource(), SampleOrders.APP, SampleOrders.VERSION,
                    SampleOrders.validator(definition), Clock.systemUTC());
            HandWrittenOrders baseline = new HandWrittenOrders(database.dataSource(), Clock.systemUTC());
            for (String status : STATUSES) {
                requireSamePage(store, baseline, status);
            }
            int[] platformTurn = {0};
            int[] baselineTurn = {0};
            Stopwatch.Latencies latencies = Stopwatch.latencies(
                    () -> store.list(query(STATUSES.get(platformTurn[0]++ % STATUSES.size()))).records().size(),
                    () -> baseline.newestWithStatus(STATUSES.get(baselineTurn[0]++ % STATUSES.size())).size(),
                    quick ? 1_000 : 5_000, quick ? 1_000 : 5_000);
            double[] platform = latencies.platformMillis();
            double[] hand = latencies.baselineMillis();
            // The records API adds a capped count to a first page; measured apart so the ratio compares lists alike.
            double[] counts = new double[quick ? 50 : 200];
            for (int i = 0; i < counts.length; i++) {
                long start = System.nanoTime();
                store.count(query(STATUSES.get(i % STATUSES.size())), COUNT_CAP);
                counts[i] = (System.nanoTime() - start) / 1e6;
            }
            return new Result(Stopwatch.Latencies.percentile(platform, 50), Stopwatch.Latencies.percentile(hand, 50),
                    "ms/page", List.of(
                    String.format(Locale.ROOT, "per page: platform median %s ms, p95 %s ms; baseline median %s ms, p95 %s ms"
                                    + " (%,d pages a side)", Result.number(Stopwatch.Latencies.percentile(platform, 50)),
                            Result.number(Stopwatch.Latencies.percentile(platform, 95)),
                            Result.number(Stopwatch.Latencies.percentile(hand, 50)),
                            Result.number(Stopwatch.Latencies.percentile(hand, 95)), platform.length),
                    String.format(Locale.ROOT, "first-page count up to %,d (as the records API adds it): median %s ms,"
                                    + " p95 %s ms", COUNT_CAP, Result.number(Stopwatch.Latencies.percentile(counts, 50)),
                            Result.number(Stopwatch.Latencies.percentile(counts, 95))),
                    String.format(Locale.ROOT, "%,d orders, 1 in %d deleted, a fifth of them in each status; %s; on %s",
                            RECORDS, DELETED_EVERY, fillMillis == 0 ? "kept from an earlier run"
                                    : String.format(Locale.ROOT, "filled in %,d ms", fillMillis), database.description())));
        } finally {
            database.close();
        }
    }

    /** The sample pack's order form with its status {@code indexed}, as an analyst would mark a field lists filter by. */
    static String definition() throws Exception {
        ObjectNode form = (ObjectNode) JSON.readTree(SampleOrders.definition());
        for (JsonNode field : form.get("fields")) {
            if (field.path("key").asText().equals("status")) {
                ((ObjectNode) field).put("indexed", true);
            }
        }
        return JSON.writeValueAsString(form);
    }

    private static ListQuery query(String status) {
        return ListQuery.firstPage(PAGE).withFilters(new ListQuery.Filter("status", ListQuery.Op.EQ, status));
    }

    /** The data is kept only for the same tables and indexes: a change to either starts again from empty. */
    private static String fillSignature(String definition) {
        return RECORDS + ":" + Integer.toHexString(TableModel.of(SampleOrders.APP, definition).tables().toString().hashCode());
    }

    private static boolean filled(DataSource dataSource, String signature) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT signature FROM bench_fill")) {
            return rs.next() && rs.getString(1).equals(signature);
        } catch (SQLException e) {
            return false; // no such table: an empty database
        }
    }

    /** Multi-row INSERTs: about as fast on H2 as a JDBC batch, and many times faster on MariaDB. */
    private static void fill(DataSource dataSource, String signature) throws SQLException {
        String row = "(1, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 0, ?, ?, ?, ?)";
        String sql = "INSERT INTO " + OrderMapper.TABLE + " (version, owner_id, org_id, dealer_id, created_by, created_at,"
                + " updated_by, updated_at, deleted_at, form_version, number, dealer, order_date, total, discount, payable,"
                + " payment, remark, status) VALUES " + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, row));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int first = 1; first <= RECORDS; first += ROWS_PER_INSERT) {
                    int parameter = 1;
                    for (int i = first; i < first + ROWS_PER_INSERT; i++) {
                        parameter = bindOrder(insert, parameter, i);
                    }
                    insert.executeUpdate();
                    if ((first + ROWS_PER_INSERT - 1) % COMMIT == 0) {
                        c.commit();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_fill (signature VARCHAR(64))");
                s.execute("INSERT INTO bench_fill VALUES ('" + signature + "')");
            }
            c.commit();
        }
    }

    /** Order {@code i}: a minute after the one before, statuses, dealers and owners in turn, 1 in 100 deleted. */
    private static int bindOrder(PreparedStatement insert, int first, int i) throws SQLException {
        LocalDateTime created = FIRST_ORDER.plusMinutes(i);
        long owner = 1 + i % 50;
        long dealer = 1 + i % 200;
        BigDecimal total = BigDecimal.valueOf(100 + i % 9_000, 2);
        int p = first;
        insert.setLong(p++, owner);
        insert.setLong(p++, 1 + i % 10);
        insert.setString(p++, "D" + dealer);
        insert.setLong(p++, owner);
        insert.setTimestamp(p++, Timestamp.valueOf(created));
        insert.setLong(p++, owner);
        insert.setTimestamp(p++, Timestamp.valueOf(created));
        insert.setTimestamp(p++, i % DELETED_EVERY == 0 ? Timestamp.valueOf(created.plusDays(1)) : null);
        insert.setString(p++, String.format(Locale.ROOT, "DO-%d-%07d", created.getYear(), i));
        insert.setLong(p++, dealer);
        insert.setObject(p++, LocalDate.from(created));
        insert.setBigDecimal(p++, total);
        insert.setBigDecimal(p++, total);
        insert.setString(p++, i % 3 == 0 ? "prepaid" : "credit");
        insert.setString(p++, i % 7 == 0 ? "Deliver to the north gate" : null);
        insert.setString(p++, STATUSES.get(i % STATUSES.size()));
        return p;
    }

    /** Both sides must show the same orders in the same order. */
    private static void requireSamePage(RecordStore store, HandWrittenOrders baseline, String status) throws SQLException {
        Page page = store.list(query(status));
        List<Long> platform = page.records().stream().map(r -> r.get("id").longValue()).toList();
        List<Long> hand = baseline.newestWithStatus(status).stream().map(r -> r.id).toList();
        if (platform.size() != PAGE || !platform.equals(hand)) {
            throw new IllegalStateException("The pages of status " + status + " differ: platform " + platform
                    + ", baseline " + hand);
        }
    }
}
