package io.mosaic.report.run;

/**
 * The one place where report SQL depends on the database: every other expression (YEAR, MONTH, QUARTER, DAYOFWEEK,
 * CAST, CASE, the aggregates) reads the same on H2 in MySQL mode and on MySQL/MariaDB. Date arithmetic does not.
 */
public enum SqlDialect {
    H2,
    MYSQL;

    /** The Monday on or before the date or date-time {@code column}, as a DATE. */
    String weekStart(String column) {
        // DAYOFWEEK is 1 for Sunday on both databases, so (DAYOFWEEK + 5) % 7 is the days since Monday.
        String sinceMonday = "((DAYOFWEEK(" + column + ") + 5) % 7)";
        return this == H2 ? "DATEADD(DAY, -" + sinceMonday + ", CAST(" + column + " AS DATE))"
                : "DATE_SUB(CAST(" + column + " AS DATE), INTERVAL " + sinceMonday + " DAY)";
    }
}
