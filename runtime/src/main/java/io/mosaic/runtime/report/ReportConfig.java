package io.mosaic.runtime.report;

import java.time.Clock;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.mosaic.report.run.ReportEngine;
import io.mosaic.report.run.SqlDialect;
import io.mosaic.runtime.config.DatabaseKind;

/** The report engine for the configured database, and the clock relative date filters count from. */
@Configuration
public class ReportConfig {

    @Bean
    ReportEngine reportEngine(DataSourceProperties dataSource) {
        return new ReportEngine(DatabaseKind.of(dataSource.determineUrl()) == DatabaseKind.H2 ? SqlDialect.H2
                : SqlDialect.MYSQL);
    }

    /** Today for "this month" and "last 30 days"; tests put a primary clock of their own beside it to move time. */
    @Bean
    Clock reportClock() {
        return Clock.systemDefaultZone();
    }
}
