package io.mosaic.bench;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The report queries as a developer would write them by hand over the tables the platform made for the sample
 * pack's forms ({@link ReportsData}): sales are the line amounts of the live approved and shipped orders, as the
 * benchmark's datasets define them, each query joining only the tables it needs, values bound.
 */
final class HandWrittenReports {

    /** What narrows a query: the org units whose orders count (null: all) and an order-date range (null: all). */
    record Scope(Set<Long> orgs, LocalDate from, LocalDate to) {

        static final Scope ALL = new Scope(null, null, null);

        static Scope orgs(Set<Long> orgs) {
            return new Scope(orgs, null, null);
        }

        static Scope period(LocalDate from, LocalDate to) {
            return new Scope(null, from, to);
        }
    }

    /** One hand-written statement, the values it binds, and how many of its last columns are measures. */
    record Query(String name, String sql, List<Object> params, int measures) {
    }

    static final int TOP = 10;

    private final DataSource dataSource;

    HandWrittenReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Dealer name and sales of the {@value #TOP} dealers with the most sales, most first. */
    static Query ranking(Scope scope) {
        return query("ranking", "SELECT d.name, SUM(l.amount) AS sales", 1, true, scope,
                " GROUP BY d.name ORDER BY sales DESC LIMIT " + TOP);
    }

    /** Year, month, sales and number of orders of each month with sales, in month order. */
    static Query trend(Scope scope) {
        return query("trend", "SELECT YEAR(o.order_date) AS y, MONTH(o.order_date) AS m, SUM(l.amount) AS sales,"
                + " COUNT(DISTINCT o.id) AS orders", 2, false, scope, " GROUP BY YEAR(o.order_date), MONTH(o.order_date)"
                + " ORDER BY y, m");
    }

    static Query total(Scope scope) {
        return query("total", "SELECT SUM(l.amount) AS sales", 1, false, scope, "");
    }

    /** Sales by dealer level, in level order. */
    static Query byLevel(Scope scope) {
        return query("by-level", "SELECT d.level, SUM(l.amount) AS sales", 1, true, scope,
                " GROUP BY d.level ORDER BY d.level");
    }

    /** Sales by payment method, in method order. */
    static Query byPayment(Scope scope) {
        return query("by-payment", "SELECT o.payment, SUM(l.amount) AS sales", 1, false, scope,
                " GROUP BY o.payment ORDER BY o.payment");
    }

    /** Sales by the dealer's region (its record id), in id order. */
    static Query byRegion(Scope scope) {
        return query("by-region", "SELECT d.region, SUM(l.amount) AS sales", 1, true, scope,
                " GROUP BY d.region ORDER BY d.region");
    }

    /** The six widgets of the benchmark dashboard, in its order. */
    static List<Query> dashboard(Scope scope) {
        return List.of(total(scope), trend(scope), ranking(scope), byRegion(scope), byLevel(scope), byPayment(scope));
    }

    /** Runs {@code query}; answers its rows, each as the values of its columns. */
    List<List<Object>> run(Query query) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(query.sql())) {
            for (int i = 0; i < query.params().size(); i++) {
                statement.setObject(i + 1, query.params().get(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static Query query(String name, String select, int measures, boolean dealers, Scope scope, String rest) {
        List<Object> params = new ArrayList<>(List.of("approved", "shipped"));
        StringBuilder sql = new StringBuilder(select).append(" FROM ").append(ReportsData.ORDERS).append(" o JOIN ")
                .append(ReportsData.LINES).append(" l ON l.parent_id = o.id");
        if (dealers) {
            // LEFT, not inner: with an inner join H2 and MariaDB both start from the 200 dealers and read the orders
            // through the dealer lookup index, (dealer, deleted_at, id), one random read an order: 7 s for the
            // ranking on H2 and 9 s on MariaDB instead of under 2 s. Every order has its dealer, so the sums agree.
            sql.append(" LEFT JOIN ").append(ReportsData.DEALERS_TABLE).append(" d ON d.id = o.dealer");
        }
        sql.append(" WHERE o.deleted_at IS NULL AND o.status IN (?, ?)");
        if (scope.orgs() != null) {
            sql.append(" AND o.org_id IN (").append(String.join(", ", Collections.nCopies(scope.orgs().size(), "?")))
                    .append(')');
            params.addAll(scope.orgs());
        }
        if (scope.from() != null) {
            sql.append(" AND o.order_date >= ? AND o.order_date <= ?");
            params.add(Date.valueOf(scope.from()));
            params.add(Date.valueOf(scope.to()));
        }
        return new Query(name, sql.append(rest).toString(), List.copyOf(params), measures);
    }

    /**
     * The measure values of each row of {@code query}'s answer, as plain decimals: what the platform's answer must
     * equal whatever types the driver chose.
     */
    static List<List<String>> measures(Query query, List<List<Object>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(row.subList(row.size() - query.measures(), row.size()).stream()
                    .map(value -> PlatformReports.plain(new BigDecimal(value.toString()))).toList());
        }
        return out;
    }
}
