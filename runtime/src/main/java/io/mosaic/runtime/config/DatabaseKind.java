package io.mosaic.runtime.config;

/** The databases the platform runs on; the JDBC URL decides which one (and so which driver). */
public enum DatabaseKind {
    H2(""),
    MYSQL(" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"),
    MARIADB(" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");

    private final String tableOptions;

    DatabaseKind(String tableOptions) {
        this.tableOptions = tableOptions;
    }

    public static DatabaseKind of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2:, jdbc:mysql: or jdbc:mariadb:): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    /** The URL with the parameters the platform needs, keeping any the user gave. */
    public String normalise(String url) {
        if (this == H2 || url.contains("nullDatabaseMeansCurrent")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "nullDatabaseMeansCurrent=true";
    }

    /** Table options appended to every CREATE TABLE of the platform's migrations. */
    public String tableOptions() {
        return tableOptions;
    }
}
