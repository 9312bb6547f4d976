package io.mosaic.runtime.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database one test JVM runs against: an in-memory H2 in MySQL mode by default, or, with the
 * Maven profile {@code mariadb} ({@code -Dmosaic.test.db=mariadb}), a database created fresh on the
 * MariaDB at 127.0.0.1:3306 for this run and dropped when the JVM ends.
 */
public final class TestDatabase {

    public static final String MARIADB_SERVER = System.getProperty("mosaic.test.mariadb.server",
            "jdbc:mariadb://127.0.0.1:3306/");

    private static final String RUN_ID = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static String url;

    private TestDatabase() {
    }

    public static boolean isMariaDb() {
        return "mariadb".equals(System.getProperty("mosaic.test.db", "h2"));
    }

    /** The JDBC URL of this run's database, creating it on first use. */
    public static synchronized String url() {
        if (url == null) {
            url = isMariaDb() ? createMariaDb() : h2Url("mosaic_" + RUN_ID);
        }
        return url;
    }

    /** A second, separate database for tests that need an installation of their own (e.g. pack import into a fresh one). */
    public static String freshUrl(String purpose) {
        String name = "mosaic_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return isMariaDb() ? createMariaDb(name) : h2Url(name);
    }

    public static String user() {
        return isMariaDb() ? "root" : "sa";
    }

    public static String password() {
        return "";
    }

    /** Registers this run's database as the Spring data source. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    private static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    }

    private static String createMariaDb() {
        return createMariaDb("mosaic_test_" + RUN_ID);
    }

    private static String createMariaDb(String name) {
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + MARIADB_SERVER
                    + " (is MariaDB running? see README)", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropMariaDb(name)));
        return MARIADB_SERVER + name;
    }

    private static void dropMariaDb(String name) {
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException ignored) {
            // the server may be gone already at JVM exit; a leftover database is harmless
        }
    }
}
