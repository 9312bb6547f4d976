package io.mosaic.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mosaic.runtime.support.RuntimeTest;
import io.mosaic.runtime.support.TestDatabase;

class RuntimeStartsTest extends RuntimeTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void migratesPlatformTablesAndStartsFlowableInTheSameDatabase() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // Not "empty": tests sharing this database may have run before and left browser sessions behind.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM MO_SESSION", Integer.class)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class)).isNotNull();
        assertThat(repositoryService.createDeploymentQuery().count()).isNotNegative();
    }

    @Test
    void runsOnTheDatabaseTheBuildProfileAsksFor() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestDatabase.isMariaDb() ? "MariaDB" : "H2");
        }
    }

    @Test
    void mariaDbConnectionsOnlySeeTheirOwnDatabase() {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        if (TestDatabase.isMariaDb()) {
            assertThat(url).endsWith("?nullDatabaseMeansCurrent=true");
        } else {
            assertThat(url).doesNotContain("nullDatabaseMeansCurrent");
        }
    }
}
