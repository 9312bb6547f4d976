package io.mosaic.bench;

import io.mosaic.form.store.SqlNames;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.org.OrgUnitRequest;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;
import org.springframework.security.core.Authentication;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sales the report benchmarks aggregate: the sample pack installed by the runtime as a first start does it
 * (its region, dealer, product and order forms published, so their tables and indexes are the platform's own), the
 * benchmark's datasets, reports and dashboard ({@code reports/*.json}) published over them,
 * {@value #REGIONS} region org units with a region record each, {@value #DEALERS} dealers, {@value #PRODUCTS}
 * products, and orders with 1, 3, 5 or 7 lines each, 4 on average: 250,000 orders and 1,000,000 lines (a tenth of
 * that when quick). Dealers, products and orders are written by {@code INSERT … SELECT} over a generated range of
 * numbers, every value a fixed function of the order's number, so each run has the same data. The orders spread
 * evenly over 2024 and 2025, a fifth in each status, 1 in 100 deleted, each in its dealer's region's org unit.
 * Two users read them: a channel director, who sees every order, and the manager of region 1, who sees that
 * region's orders only. One set of data serves every report benchmark of a run.
 */
final class ReportsData implements AutoCloseable {

    static final String APP = SampleOrders.APP;
    static final String ORDERS = SqlNames.table(APP, "order");
    static final String LINES = SqlNames.childTable(APP, "order", "lines");
    static final String DEALERS_TABLE = SqlNames.table(APP, "dealer");
    static final String REGIONS_TABLE = SqlNames.table(APP, "region");
    static final String PRODUCTS_TABLE = SqlNames.table(APP, "product");
    static final int REGIONS = 8;
    static final int DEALERS = 200;
    static final int PRODUCTS = 50;
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final int DAYS = 731;
    static final List<String> STATUSES = List.of("draft", "submitted", "approved", "rejected", "shipped");
    private static final int CHUNK = 50_000;
    private static final String ACTOR = "bench";
    /** The benchmark's own datasets, reports and dashboard (resources under {@code reports/}), in publishing order. */
    private static final List<String> DEFINITIONS = List.of("bench_sales.dataset.json",
            "bench_top_dealers.dataset.json", "bench_ranking.report.json", "bench_trend.report.json",
            "bench_total.report.json", "bench_by_region.report.json", "bench_by_level.report.json",
            "bench_by_payment.report.json", "bench_dashboard.dashboard.json");
    /** When every generated row was created and updated, and when the deleted orders were deleted. */
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final String NOW = "TIMESTAMP '" + Timestamp.valueOf(CREATED) + "'";
    private static final String FIRST_DATE = "DATE '" + FIRST_DAY + "'";
    private static final String SYSTEM_COLUMNS = "version, owner_id, org_id, dealer_id, created_by, created_at,"
            + " updated_by, updated_at, form_version";
    private static final String SYSTEM_VALUES = "1, ?, ?, ?, ?, ?, ?, ?, 1";
    private static final String SUMS = "SELECT parent_id, SUM(amount) AS amount FROM " + LINES + " GROUP BY parent_id";
    private static final String TOTALS = "total = t.amount, payable = ROUND(t.amount * (100 - o.discount) / 100, 2)";
    private static final List<String> TABLES = List.of(REGIONS_TABLE, DEALERS_TABLE, PRODUCTS_TABLE, ORDERS, LINES);

    private static ReportsData shared;

    private final BenchDatabase database;
    private final BenchRuntime runtime;
    private final Authentication director;
    private final Authentication regionManager;
    private final Set<Long> regionOrgs;
    private final int orders;
    private final Fill fill;

    /** What generating wrote, and how long each step took. */
    record Fill(long lines, Map<String, Long> stepMillis) {

        long millis() {
            return stepMillis.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ReportsData(BenchDatabase database, BenchRuntime runtime, Authentication director,
                        Authentication regionManager, Set<Long> regionOrgs, int orders, Fill fill) {
        this.database = database;
        this.runtime = runtime;
        this.director = director;
        this.regionManager = regionManager;
        this.regionOrgs = regionOrgs;
        this.orders = orders;
        this.fill = fill;
    }

    /** The data of this run, made on first use; it stays up for the other report benchmarks until the run ends. */
    static synchronized ReportsData shared(boolean quick) throws Exception {
        if (shared == null) {
            shared = create(quick ? 25_000 : 250_000);
            BenchMain.closeAtEnd(shared);
        }
        return shared;
    }

    static ReportsData create(int orders) throws Exception {
        // H2 answers a statement it ran before on the same connection from a cache while no table changed: both
        // sides would measure a lookup, not the query.
        BenchDatabase database = BenchDatabase.open("reports", false, ";QUERY_CACHE_SIZE=0");
        BenchRuntime runtime = BenchRuntime.start(database, BenchDatabase.folder().resolve("reports-files"), true);
        try {
            OrgService orgs = runtime.bean(OrgService.class);
            UserService users = runtime.bean(UserService.class);
            OrgUnit company = orgs.create(new OrgUnitRequest(null, "bench_hq", "Head office", "company", null));
            List<Long> regionOrgs = new ArrayList<>();
            for (int r = 1; r <= REGIONS; r++) {
                regionOrgs.add(orgs.create(new OrgUnitRequest(company.id(), "bench_region_" + r, "Region " + r,
                        "region", null)).id());
            }
            User director = users.create(user("bench_director", company.id(), "channel_director"));
            User manager = users.create(user("bench_region_manager", regionOrgs.get(0), "region_manager"));
            MetadataService metadata = runtime.bean(MetadataService.class);
            for (String file : DEFINITIONS) {
                String[] parts = file.split("\\.");
                metadata.publishContent(APP, parts[1], parts[0], resource(file), null, ACTOR);
            }
            Fill fill = fill(runtime.bean(DataSource.class), orders, regionOrgs, director.id());
            return new ReportsData(database, runtime, PlatformApprovals.signedIn(users, director),
                    PlatformApprovals.signedIn(users, manager), orgs.subtree(regionOrgs.get(0)), orders, fill);
        } catch (Exception | Error e) {
            runtime.close();
            database.close();
            throw e;
        }
    }

    BenchRuntime runtime() {
        return runtime;
    }

    DataSource dataSource() {
        return runtime.bean(DataSource.class);
    }

    /** Sees every order. */
    Authentication director() {
        return director;
    }

    /** Sees the orders of region 1 ({@link #regionOrgs}) only. */
    Authentication regionManager() {
        return regionManager;
    }

    /** The org units whose orders the region manager sees: region 1's and any below it. */
    Set<Long> regionOrgs() {
        return regionOrgs;
    }

    /** What the notes under a result say about the data. */
    String description() {
        StringBuilder steps = new StringBuilder();
        fill.stepMillis().forEach((step, millis) -> steps.append(steps.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %,d", step, millis)));
        return String.format(Locale.ROOT, "%,d orders with %,d lines generated in %,d ms (%s), on %s", orders,
                fill.lines(), fill.millis(), steps, database.description());
    }

    @Override
    public void close() throws Exception {
        runtime.close();
        database.close();
    }

    long lines() {
        return fill.lines();
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = ReportsData.class.getResourceAsStream("/reports/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No resource reports/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static UserRequest user(String username, long orgId, String role) {
        return new UserRequest(username, username, null, "bench-password-1", orgId, null, null, List.of(role), "en",
                null);
    }

    static Fill fill(DataSource dataSource, int orders, List<Long> regionOrgs, long ownerId) throws SQLException {
        Dialect dialect = Dialect.of(dataSource);
        Timestamp now = Timestamp.valueOf(CREATED);
        Map<String, Long> steps = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            timed(steps, "regions+dealers+products", () -> {
                insertRegions(c, regionOrgs, ownerId, now);
                requireIds(c, REGIONS_TABLE, REGIONS);
                insertDealers(c, regionOrgs, ownerId, now);
                insertProducts(c, ownerId, now);
            });
            timed(steps, "orders", () -> {
                for (int first = 1; first <= orders; first += CHUNK) {
                    insertOrders(c, first, Math.min(first + CHUNK - 1, orders), orders, ownerId, dialect);
                }
                requireIds(c, ORDERS, orders);
            });
            timed(steps, "lines", () -> {
                for (int first = 1; first <= orders; first += CHUNK) {
                    insertLines(c, first, Math.min(first + CHUNK - 1, orders), dialect);
                }
            });
            timed(steps, "totals+deletions", () -> {
                s.executeUpdate("UPDATE " + ORDERS + " SET deleted_at = " + NOW + " WHERE MOD(id, 100) = 0");
                s.executeUpdate(dialect.setTotals);
            });
            timed(steps, "analyze", () -> s.execute(dialect.analyze));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + LINES)) {
                rs.next();
                return new Fill(rs.getLong(1), steps);
            }
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void timed(Map<String, Long> steps, String name, Step step) throws SQLException {
        long start = System.nanoTime();
        step.run();
        steps.put(name, (System.nanoTime() - start) / 1_000_000);
    }

    /** Region r (1 to {@value #REGIONS}) belongs to the r-th region org unit. */
    private static void insertRegions(Connection c, List<Long> regionOrgs, long ownerId, Timestamp now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + REGIONS_TABLE + " (" + SYSTEM_COLUMNS
                + ", code, name, level, org) VALUES (" + SYSTEM_VALUES + ", ?, ?, 'area', ?)")) {
            for (int r = 1; r <= REGIONS; r++) {
                int p = bindSystem(insert, ownerId, regionOrgs.get(r - 1), null, now);
                insert.setString(p++, "R" + r);
                insert.setString(p++, "Region " + r);
                insert.setLong(p, regionOrgs.get(r - 1));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Dealer k (D001 …) is in region 1 + k mod {@value #REGIONS}, in that region's org unit. */
    private static void insertDealers(Connection c, List<Long> regionOrgs, long ownerId, Timestamp now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + DEALERS_TABLE + " (" + SYSTEM_COLUMNS
                + ", code, name, level, region, contact_name, contact_phone, contract_start, contract_end,"
                + " credit_limit, status) VALUES (" + SYSTEM_VALUES + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')")) {
            for (int k = 1; k <= DEALERS; k++) {
                String code = String.format(Locale.ROOT, "D%03d", k);
                int region = 1 + k % REGIONS;
                int p = bindSystem(insert, ownerId, regionOrgs.get(region - 1), code, now);
                insert.setString(p++, code);
                insert.setString(p++, "Dealer " + code);
                insert.setString(p++, String.valueOf("ABCD".charAt(k % 4)));
                insert.setLong(p++, region);
                insert.setString(p++, "Contact " + k);
                insert.setString(p++, "1380000" + String.format(Locale.ROOT, "%04d", k));
                insert.setDate(p++, Date.valueOf(FIRST_DAY));
                insert.setDate(p++, Date.valueOf(FIRST_DAY.plusYears(3)));
                insert.setBigDecimal(p, BigDecimal.valueOf(100_000L * (1 + k % 10)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        requireIds(c, DEALERS_TABLE, DEALERS);
    }

    /** Product j lists at 9.90 + 7.35 × (j × 37 mod 50). */
    private static void insertProducts(Connection c, long ownerId, Timestamp now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + PRODUCTS_TABLE + " (" + SYSTEM_COLUMNS
                + ", code, name, category, unit, list_price, active) VALUES (" + SYSTEM_VALUES + ", ?, ?, ?, ?, ?, ?)")) {
            for (int j = 1; j <= PRODUCTS; j++) {
                int p = bindSystem(insert, ownerId, null, null, now);
                insert.setString(p++, String.format(Locale.ROOT, "P%03d", j));
                insert.setString(p++, "Product " + j);
                insert.setString(p++, List.of("appliance", "accessory", "service").get(j % 3));
                insert.setString(p++, List.of("piece", "box", "set").get(j % 3));
                insert.setBigDecimal(p++, new BigDecimal("9.90").add(new BigDecimal("7.35").multiply(
                        BigDecimal.valueOf(j * 37L % 50))));
                insert.setBoolean(p, true);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        requireIds(c, PRODUCTS_TABLE, PRODUCTS);
    }

    /**
     * Orders number {@code first} to {@code last} of {@code orders}: order x is dealer 1 + 37x mod 200's, dated
     * evenly through 2024 and 2025 in number order, in status x mod 5, deleted when x is a multiple of 100.
     */
    private static void insertOrders(Connection c, int first, int last, int orders, long ownerId, Dialect dialect)
            throws SQLException {
        String day = "FLOOR((g.x - 1) * " + DAYS + " / " + orders + ")";
        StringBuilder status = new StringBuilder("CASE MOD(g.x, 5)");
        for (int i = 0; i < STATUSES.size(); i++) {
            status.append(" WHEN ").append(i).append(" THEN '").append(STATUSES.get(i)).append('\'');
        }
        status.append(" END");
        // Values inline rather than bound: H2 cannot type a parameter in the select list of an INSERT … SELECT. The
        // id is the number, since MariaDB leaves gaps between the ids of INSERT … SELECT statements.
        String sql = "INSERT INTO " + ORDERS + " (id, " + SYSTEM_COLUMNS + ", number, dealer, order_date, discount,"
                + " payment, status) SELECT g.x, 1, " + ownerId + ", d.org_id, d.code, " + ownerId + ", " + NOW + ", "
                + ownerId + ", " + NOW + ", 1, CONCAT('DO-', g.x), d.id, " + dialect.plusDays(day) + ", MOD(g.x, 4) * 5,"
                + " CASE MOD(g.x, 3) WHEN 0 THEN 'prepaid' ELSE 'credit' END, " + status
                + " FROM " + dialect.numbers(first, last) + " g JOIN " + DEALERS_TABLE + " d ON d.id = 1 + MOD(g.x * 37, "
                + DEALERS + ")";
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /**
     * The lines of orders {@code first} to {@code last} (by id, which is the order's number):
     * 1 + 2 × (id mod 4) lines, line n of product 1 + (7 id + 13 n) mod 50 at its list price, 1 + (3 id + 5 n) mod 20
     * + dealer mod 3 of it. The last term sets apart the dealers whose orders would otherwise repeat another's
     * 100 orders later (37 × 100 is 100 modulo 200), so that no two dealers tie in a ranking.
     */
    private static void insertLines(Connection c, int first, int last, Dialect dialect) throws SQLException {
        String quantity = "(1 + MOD(o.id * 3 + k.x * 5, 20) + MOD(o.dealer, 3))";
        String sql = "INSERT INTO " + LINES + " (parent_id, row_order, product, quantity, price, amount)"
                + " SELECT o.id, k.x, p.id, " + quantity + ", p.list_price, ROUND(" + quantity + " * p.list_price, 2)"
                + " FROM " + ORDERS + " o JOIN " + dialect.numbers(1, 7) + " k ON k.x <= 1 + 2 * MOD(o.id, 4)"
                + " JOIN " + PRODUCTS_TABLE + " p ON p.id = 1 + MOD(o.id * 7 + k.x * 13, " + PRODUCTS + ")"
                + " WHERE o.id BETWEEN ? AND ?";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, first);
            insert.setLong(2, last);
            insert.executeUpdate();
        }
    }

    private static int bindSystem(PreparedStatement insert, long ownerId, Long orgId, String dealerId, Timestamp now)
            throws SQLException {
        int p = 1;
        insert.setLong(p++, ownerId);
        insert.setObject(p++, orgId);
        insert.setString(p++, dealerId);
        insert.setLong(p++, ownerId);
        insert.setTimestamp(p++, now);
        insert.setLong(p++, ownerId);
        insert.setTimestamp(p++, now);
        return p;
    }

    /** The generator joins by computed ids, so a table must hold exactly ids 1 to {@code count}. */
    private static void requireIds(Connection c, String table, int count) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(id), MAX(id), COUNT(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != 1 || rs.getLong(2) != count || rs.getLong(3) != count) {
                throw new IllegalStateException("Expected ids 1 to " + count + " in " + table + ", found "
                        + rs.getLong(1) + " to " + rs.getLong(2) + " (" + rs.getLong(3) + " rows)");
            }
        }
    }

    /**
     * What the generator says differently on H2 and MariaDB: a derived table of the numbers first to last in a
     * column {@code x} (a format of the two), the date some days after {@link #FIRST_DAY} (a format of the SQL
     * expression of the days), setting each order's total and payable from its lines as the form's formulas have
     * them (one pass over the lines grouped: an UPDATE with a subquery per order takes 30 s on H2), and ANALYZE.
     */
    enum Dialect {
        H2("(SELECT X AS x FROM SYSTEM_RANGE(%d, %d))", "DATEADD(DAY, %s, " + FIRST_DATE + ")",
                "MERGE INTO " + ORDERS + " o USING (" + SUMS + ") t ON o.id = t.parent_id WHEN MATCHED THEN UPDATE SET "
                        + TOTALS, "ANALYZE"),
        MARIADB("(SELECT seq AS x FROM seq_%d_to_%d)", "DATE_ADD(" + FIRST_DATE + ", INTERVAL %s DAY)",
                "UPDATE " + ORDERS + " o JOIN (" + SUMS + ") t ON o.id = t.parent_id SET " + TOTALS,
                "ANALYZE TABLE " + String.join(", ", TABLES));

        private final String numbers;
        private final String plusDays;
        private final String setTotals;
        private final String analyze;

        Dialect(String numbers, String plusDays, String setTotals, String analyze) {
            this.numbers = numbers;
            this.plusDays = plusDays;
            this.setTotals = setTotals;
            this.analyze = analyze;
        }

        static Dialect of(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? H2 : MARIADB;
            }
        }

        String numbers(long first, long last) {
            return String.format(Locale.ROOT, numbers, first, last);
        }

        String plusDays(String days) {
            return String.format(Locale.ROOT, plusDays, days);
        }
    }
}
