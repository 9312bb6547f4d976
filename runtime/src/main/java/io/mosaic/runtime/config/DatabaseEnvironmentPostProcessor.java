package io.mosaic.runtime.config;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adapts the configured JDBC URL before the data source is built.
 *
 * <p>MySQL and MariaDB URLs get {@code nullDatabaseMeansCurrent=true}, without which Flowable finds
 * its tables in other databases on the same server. Flyway's {@code table_options} placeholder
 * asks MySQL/MariaDB for utf8mb4 tables, since a server's default charset may not hold Chinese text.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url == null) {
            return;
        }
        Map<String, Object> overrides = new HashMap<>();
        DatabaseKind kind = DatabaseKind.of(url);
        overrides.put(URL, kind.normalise(url));
        overrides.put("spring.flyway.placeholders.table_options", kind.tableOptions());
        overrides.put("mosaic.database.kind", kind.name().toLowerCase());
        environment.getPropertySources().addFirst(new MapPropertySource("mosaicDatabase", overrides));
    }
}
