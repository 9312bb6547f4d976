package io.mosaic.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mosaic.runtime.support.RuntimeTest;

class RuntimeStartsTest extends RuntimeTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void migratesPlatformTablesAndStartsFlowableInTheSameDatabase() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // other tests share the database and may have left sessions: only the table's presence is certain
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM MO_SESSION", Integer.class)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class)).isNotNull();
        assertThat(repositoryService.createDeploymentQuery().count()).isZero();
    }
}
