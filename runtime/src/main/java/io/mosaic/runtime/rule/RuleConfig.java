package io.mosaic.runtime.rule;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import io.mosaic.rule.run.RuleEngine;

@Configuration(proxyBeanMethods = false)
public class RuleConfig {

    /** One engine for the application: it caches each published version's compiled rules. */
    /** ShedLock's lock over the platform's database: scheduled rule sets are swept by one node at a time. */
    @Bean
    LockProvider ruleLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
    }

    @Bean
    LockingTaskExecutor ruleLocks(LockProvider ruleLockProvider) {
        return new DefaultLockingTaskExecutor(ruleLockProvider);
    }

    @Bean
    RuleEngine ruleEngine(@Value("${mosaic.rules.max-firings:10000}") int maxFirings) {
        return new RuleEngine(maxFirings);
    }
}
