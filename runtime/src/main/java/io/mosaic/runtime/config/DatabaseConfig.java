package io.mosaic.runtime.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Adapts the platform to the database the JDBC URL names. Decided from the bound data source
 * properties, not from the raw environment, so that every source of the URL (environment variables,
 * profiles, properties registered by tests) is already in.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    /**
     * MySQL and MariaDB URLs get {@code nullDatabaseMeansCurrent=true}: without it Flowable finds its
     * tables in other databases on the same server and takes a fresh database for an old one.
     */
    @Bean
    static BeanPostProcessor mosaicDataSourceUrl() {
        return new UrlNormaliser();
    }

    /** Migrations ask MySQL/MariaDB for utf8mb4 tables: a server's default charset may not hold Chinese text. */
    @Bean
    FlywayConfigurationCustomizer mosaicTableOptions(DataSourceProperties dataSource) {
        return flyway -> flyway.placeholders(java.util.Map.of("table_options",
                DatabaseKind.of(dataSource.determineUrl()).tableOptions()));
    }

    private static final class UrlNormaliser implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
                properties.setUrl(DatabaseKind.of(properties.getUrl()).normalise(properties.getUrl()));
            }
            return bean;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
