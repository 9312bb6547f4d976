package io.mosaic.bench;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatementCounterTest {

    private final StatementCounter counter = new StatementCounter();
    private final DataSource dataSource = counter.wrap(h2());

    @Test
    void countsPreparedAndPlainStatementsOfTheCountingThreadByText() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT)");
            counter.start();
            for (int i = 0; i < 3; i++) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
            }
            s.executeQuery("SELECT  COUNT(*)\n FROM t").close();
            Thread other = new Thread(() -> {
                try (Connection c2 = dataSource.getConnection(); Statement s2 = c2.createStatement()) {
                    s2.executeQuery("SELECT 1").close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            other.join();

            assertThat(counter.stop()).isEqualTo(Map.of("INSERT INTO t VALUES (?)", 3L, "SELECT COUNT(*) FROM t", 1L));
        }
    }

    @Test
    void countsNothingOnceStopped() throws Exception {
        counter.start();
        counter.stop();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1").close();
        }

        counter.start();
        assertThat(counter.stop()).isEmpty();
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:counter_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
