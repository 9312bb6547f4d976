package io.mosaic.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.report.run.SqlQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report benchmarks, over the million order lines of {@link ReportsData}: a published report's data through the
 * runtime as a request gets it ({@link PlatformReports}) against {@link HandWrittenReports} doing the same sums.
 * <ul>
 *   <li>{@code reports-ranking}: the ten dealers with the most sales, as the channel director (every order);</li>
 *   <li>{@code reports-trend}: sales and orders per month, as the channel director;</li>
 *   <li>{@code reports-scoped}: the ranking as the manager of one region (row scope {@code org_subtree}: an eighth
 *       of the dealers) against the hand-written ranking of that region's orders; the note adds the platform's
 *       unscoped ranking, timed in the same turns, and how the scoped one compares with it;</li>
 *   <li>{@code reports-dashboard-cold} and {@code reports-dashboard-cached}: the six widgets of a dashboard for one
 *       year (total, trend, ranking, by region, by dealer level, by payment), one after another as one user's page
 *       load, against the six hand-written queries; cold right after the result cache was emptied, cached when the
 *       same user loaded the same dashboard before.</li>
 * </ul>
 * The platform runs with its result cache on, as configured by default; every platform call but the cached
 * dashboard's is preceded, outside the timing, by a dealer record saved through the platform, which moves the data
 * version the results are cached under, so the call reads the database like the first request after a change. The
 * compiled datasets stay cached. Both sides are checked to give the same numbers first, then timed call by call,
 * alternating, after a warm-up; the medians are compared. {@code BENCH_SQL=1} adds each side's statements and
 * the database's plan for them under the result.
 */
final class ReportsBenchmark implements Benchmark {

    private static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(2025, 12, 31);

    private enum Kind {
        RANKING("reports-ranking"), TREND("reports-trend"), SCOPED("reports-scoped"),
        DASHBOARD_COLD("reports-dashboard-cold"), DASHBOARD_CACHED("reports-dashboard-cached");

        private final String benchmark;

        Kind(String benchmark) {
            this.benchmark = benchmark;
        }
    }

    /** One side of a comparison: what runs untimed before each call, and the call. */
    private record Side(String name, Stopwatch.Task before, Stopwatch.Task call) {
    }

    private final Kind kind;

    private ReportsBenchmark(Kind kind) {
        this.kind = kind;
    }

    static List<Benchmark> all() {
        return Arrays.stream(Kind.values()).<Benchmark>map(ReportsBenchmark::new).toList();
    }

    @Override
    public String name() {
        return kind.benchmark;
    }

    @Override
    public Result run(boolean quick) throws Exception {
        ReportsData data = ReportsData.shared(quick);
        PlatformReports platform = new PlatformReports(data.runtime());
        HandWrittenReports baseline = new HandWrittenReports(data.dataSource());
        Stopwatch.Task forget = () -> {
            platform.forgetResults();
            return 0;
        };
        Stopwatch.Task nothing = () -> 0;
        List<String> notes = new ArrayList<>();
        List<Side> sides;
        String unit;
        switch (kind) {
            case RANKING, TREND -> {
                String report = kind == Kind.RANKING ? "bench_ranking" : "bench_trend";
                HandWrittenReports.Query query = kind == Kind.RANKING
                        ? HandWrittenReports.ranking(HandWrittenReports.Scope.ALL)
                        : HandWrittenReports.trend(HandWrittenReports.Scope.ALL);
                requireSame(platform.report(report, data.director()), query, baseline);
                sides = List.of(new Side("platform", forget, () -> rows(platform.report(report, data.director()))),
                        new Side("baseline", nothing, () -> baseline.run(query).size()));
                unit = "ms/query";
                sqlNotes(data, notes, platform.sql(report, List.of(), data.director()), query);
            }
            case SCOPED -> {
                HandWrittenReports.Query scoped = HandWrittenReports.ranking(
                        HandWrittenReports.Scope.orgs(data.regionOrgs()));
                requireSame(platform.report("bench_ranking", data.regionManager()), scoped, baseline);
                sides = List.of(
                        new Side("platform scoped", forget,
                                () -> rows(platform.report("bench_ranking", data.regionManager()))),
                        new Side("baseline scoped", nothing, () -> baseline.run(scoped).size()),
                        new Side("platform unscoped", forget,
                                () -> rows(platform.report("bench_ranking", data.director()))));
                unit = "ms/query";
                sqlNotes(data, notes, platform.sql("bench_ranking", List.of(), data.regionManager()), scoped);
            }
            default -> {
                List<HandWrittenReports.Query> queries = HandWrittenReports.dashboard(
                        HandWrittenReports.Scope.period(YEAR_START, YEAR_END));
                List<ObjectNode> widgets = platform.dashboard(YEAR_START, YEAR_END, data.director());
                for (int i = 0; i < queries.size(); i++) {
                    requireSame(widgets.get(i), queries.get(i), baseline);
                }
                sides = List.of(new Side("platform", kind == Kind.DASHBOARD_COLD ? forget : nothing,
                                () -> platform.dashboard(YEAR_START, YEAR_END, data.director()).size()),
                        new Side("baseline", nothing, () -> {
                            int rows = 0;
                            for (HandWrittenReports.Query query : queries) {
                                rows += baseline.run(query).size();
                            }
                            return rows;
                        }));
                unit = "ms/dashboard";
                if (kind == Kind.DASHBOARD_COLD) {
                    for (int i = 0; i < queries.size(); i++) {
                        sqlNotes(data, notes, platform.widgetSql(PlatformReports.WIDGETS.get(i), YEAR_START, YEAR_END,
                                data.director()), queries.get(i));
                    }
                }
            }
        }
        double[] medians = medians(sides, 1, quick ? 5 : 7);
        notes.addAll(statements(data, sides.get(0), sides.get(1)));
        notes.add(0, data.description());
        if (sides.size() > 2) {
            notes.add(1, String.format(Locale.ROOT, "platform unscoped (the channel director) %s ms: platform scoped"
                    + " / platform unscoped %.2f", Result.number(medians[2]), medians[0] / medians[2]));
        }
        notes.add(1, String.format(Locale.ROOT, "median of %d calls a side after one to warm up, alternating%s",
                quick ? 5 : 7, kind == Kind.DASHBOARD_CACHED ? "; platform results from its cache"
                        : "; platform result cache emptied before each call"));
        return new Result(medians[0], medians[1], unit, notes);
    }

    private static int rows(ObjectNode data) {
        return data.path("rows").size();
    }

    /** Both sides must give the same numbers in the same order, else the comparison says nothing. */
    private static void requireSame(ObjectNode platform, HandWrittenReports.Query query, HandWrittenReports baseline)
            throws SQLException {
        List<List<String>> expected = HandWrittenReports.measures(query, baseline.run(query));
        List<List<String>> actual = PlatformReports.measures(platform, query.measures());
        if (!expected.equals(actual) || expected.isEmpty()) {
            throw new IllegalStateException("The platform's " + query.name() + " differs from the hand-written one:"
                    + " platform " + actual + ", baseline " + expected);
        }
    }

    /** Median milliseconds of each side's calls, timed one by one, the sides taking turns. */
    private static double[] medians(List<Side> sides, int warmup, int samples) throws Exception {
        for (Side side : sides) {
            for (int i = 0; i < warmup; i++) {
                side.before().call();
                side.call().call();
            }
        }
        double[][] millis = new double[sides.size()][samples];
        for (int i = 0; i < samples; i++) {
            for (int s = 0; s < sides.size(); s++) {
                sides.get(s).before().call();
                long start = System.nanoTime();
                sides.get(s).call().call();
                millis[s][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] medians = new double[sides.size()];
        for (int s = 0; s < sides.size(); s++) {
            Arrays.sort(millis[s]);
            medians[s] = millis[s][samples / 2];
        }
        return medians;
    }

    /**
     * How many statements one call of each side sends (the platform's besides the report query: the published
     * definitions and the user's permissions it reads); with {@code BENCH_SQL=1} the platform's one by one.
     */
    private static List<String> statements(ReportsData data, Side platform, Side baseline) throws Exception {
        StatementCounter counter = data.runtime().statements();
        List<Map<String, Long>> counted = new ArrayList<>();
        for (Side side : List.of(platform, baseline)) {
            side.before().call();
            counter.start();
            side.call().call();
            counted.add(counter.stop());
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "SQL statements a call: platform %d, baseline %d", total(counted.get(0)),
                total(counted.get(1))));
        if ("1".equals(System.getenv("BENCH_SQL"))) {
            counted.get(0).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> notes.add(
                    String.format(Locale.ROOT, "platform %d x %s", e.getValue(), e.getKey().length() > 160
                            ? e.getKey().substring(0, 160) + "..." : e.getKey())));
        }
        return notes;
    }

    private static long total(Map<String, Long> bySql) {
        return bySql.values().stream().mapToLong(Long::longValue).sum();
    }

    /** With {@code BENCH_SQL=1}: both statements and the database's plan of each. */
    private static void sqlNotes(ReportsData data, List<String> notes, SqlQuery platform,
                                 HandWrittenReports.Query baseline) throws SQLException {
        if (!"1".equals(System.getenv("BENCH_SQL"))) {
            return;
        }
        notes.add("platform SQL: " + platform.sql() + " " + platform.params());
        notes.addAll(plan(data, "platform plan: ", platform.sql(), platform.params()));
        notes.add("baseline SQL (" + baseline.name() + "): " + baseline.sql() + " " + baseline.params());
        notes.addAll(plan(data, "baseline plan: ", baseline.sql(), baseline.params()));
    }

    private static List<String> plan(ReportsData data, String prefix, String sql, List<Object> params)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = data.dataSource().getConnection();
             PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                explain.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = explain.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder(prefix);
                    for (int i = 1; i <= columns; i++) {
                        String value = rs.getString(i);
                        if (value != null) {
                            line.append(columns == 1 ? "" : rs.getMetaData().getColumnLabel(i) + "=")
                                    .append(value.replaceAll("\\s+", " ")).append(' ');
                        }
                    }
                    lines.add(line.toString().strip());
                }
            }
        }
        return lines;
    }
}
