package io.mosaic.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The database a benchmark writes to, behind a Hikari pool as the runtime has it: by default the
 * platform's embedded default, an H2 file database in MySQL mode under {@code BENCH_DATA}
 * ({@code bench/target/bench-data}; the system property {@code bench.data} comes first); with
 * {@code BENCH_DB=mariadb} a database of its own on the MariaDB at 127.0.0.1:3306 (root, no password), created
 * here and dropped on {@link #close}.
 */
final class BenchDatabase implements AutoCloseable {

    private static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    private static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private final HikariDataSource dataSource;
    private final String mariaDbName;
    private final String description;
    /** Drops the MariaDB database of a run stopped before {@link #close} (Ctrl-C, kill). */
    private final Thread dropOnExit;

    private BenchDatabase(HikariDataSource dataSource, String mariaDbName) throws SQLException {
        this.dataSource = dataSource;
        this.mariaDbName = mariaDbName;
        this.dropOnExit = mariaDbName == null ? null : new Thread(() -> {
            try {
                drop(mariaDbName);
            } catch (SQLException e) {
                System.err.println("Could not drop the benchmark database " + mariaDbName + ": " + e.getMessage());
            }
        });
        if (dropOnExit != null) {
            Runtime.getRuntime().addShutdownHook(dropOnExit);
        }
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            this.description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                    + (mariaDbName == null ? " file " + dataSource.getJdbcUrl().split(";")[0].substring("jdbc:h2:file:".length())
                    : " database " + mariaDbName);
        }
    }

    static boolean isMariaDb() {
        return "mariadb".equalsIgnoreCase(System.getenv("BENCH_DB"));
    }

    /**
     * @param keep on H2, open what an earlier run left in the file named {@code purpose} instead of
     *             starting empty (MariaDB always starts empty)
     */
    static BenchDatabase open(String purpose, boolean keep) throws SQLException {
        return open(purpose, keep, "");
    }

    /** @param h2Options more settings for an H2 URL ({@code ;NAME=value…}), none for MariaDB */
    static BenchDatabase open(String purpose, boolean keep, String h2Options) throws SQLException {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("bench-" + purpose);
        pool.setMaximumPoolSize(2);
        if (isMariaDb()) {
            String name = "mosaic_bench_" + purpose.replace('-', '_') + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            try (Connection server = DriverManager.getConnection(MARIADB_SERVER, "root", "");
                 Statement s = server.createStatement()) {
                s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new SQLException("BENCH_DB=mariadb needs the MariaDB at " + MARIADB_SERVER + " (root, no password)", e);
            }
            pool.setJdbcUrl(MARIADB_SERVER + name + "?nullDatabaseMeansCurrent=true");
            pool.setUsername("root");
            pool.setPassword("");
            return new BenchDatabase(new HikariDataSource(pool), name);
        }
        Path file = folder().resolve(purpose);
        if (!keep) {
            deleteH2Files(file);
        }
        pool.setJdbcUrl("jdbc:h2:file:" + file + H2_OPTIONS + h2Options);
        pool.setUsername("sa");
        pool.setPassword("");
        return new BenchDatabase(new HikariDataSource(pool), null);
    }

    /** Where the H2 files and the runtime's uploaded files of a benchmark go. */
    static Path folder() {
        // A test, run in the module's folder, names it by the system property instead.
        return Path.of(System.getProperty("bench.data", System.getenv().getOrDefault("BENCH_DATA",
                "bench/target/bench-data"))).toAbsolutePath();
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The {@code spring.datasource} properties of this database, for an application that makes its own pool. */
    Map<String, String> springDataSource() {
        return Map.of("spring.datasource.url", dataSource.getJdbcUrl(),
                "spring.datasource.username", dataSource.getUsername(),
                "spring.datasource.password", dataSource.getPassword());
    }

    /** Which database this is, for the notes under a result. */
    String description() {
        return description;
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        if (mariaDbName != null) {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
            drop(mariaDbName);
        }
    }

    private static void drop(String mariaDbName) throws SQLException {
        try (Connection server = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement s = server.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + mariaDbName + "`");
        }
    }

    private static void deleteH2Files(Path file) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".mv.db"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".trace.db"));
        } catch (IOException e) {
            throw new SQLException("Cannot clear the benchmark database at " + file, e);
        }
    }
}
