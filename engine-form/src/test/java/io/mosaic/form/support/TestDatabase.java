package io.mosaic.form.support;

import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for one test: an in-memory H2 in MySQL mode by default, or, when
 * {@code -Dmosaic.test.db=mariadb} (the Maven profile {@code mariadb}), a database created on the
 * MariaDB at 127.0.0.1:3306 and dropped again on {@link #close}. The same as the runtime's test
 * database, without Spring.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String MARIADB_SERVER = System.getProperty("mosaic.test.mariadb.server",
            "jdbc:mariadb://127.0.0.1:3306/");

    private final String name;
    private final String url;
    private final Connection connection;

    private TestDatabase(String name, String url, Connection connection) {
        this.name = name;
        this.url = url;
        this.connection = connection;
    }

    public static boolean isMariaDb() {
        return "mariadb".equals(System.getProperty("mosaic.test.db", "h2"));
    }

    /** A new, empty database; {@code purpose} only makes its name readable in a server's list. */
    public static TestDatabase fresh(String purpose) throws SQLException {
        String name = "mosaic_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!isMariaDb()) {
            String url = "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
            return new TestDatabase(name, url, DriverManager.getConnection(url, "sa", ""));
        }
        try (Connection server = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new SQLException("Cannot create test database " + name + " on " + MARIADB_SERVER
                    + " (is MariaDB running?)", e);
        }
        String url = MARIADB_SERVER + name + "?nullDatabaseMeansCurrent=true";
        return new TestDatabase(name, url, DriverManager.getConnection(url, "root", ""));
    }

    /**
     * Connections of their own to the same database, for code that takes a {@link DataSource} and for
     * tests of concurrent writers. An in-memory H2 database lives while {@link #connection()} is open.
     */
    public DataSource dataSource() throws SQLException {
        if (!isMariaDb()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            return h2;
        }
        MariaDbDataSource mariaDb = new MariaDbDataSource(url);
        mariaDb.setUser("root");
        mariaDb.setPassword("");
        return mariaDb;
    }

    public Connection connection() {
        return connection;
    }

    /** Closes the connection; an H2 in-memory database goes with it, a MariaDB one is dropped. */
    @Override
    public void close() throws SQLException {
        connection.close();
        if (isMariaDb()) {
            try (Connection server = DriverManager.getConnection(MARIADB_SERVER, "root", "");
                 Statement s = server.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }
}
