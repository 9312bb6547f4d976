package io.mosaic.runtime.config;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class FlowableConfig {

    /**
     * Flyway must find an empty schema on first start, so the platform's migrations run before
     * Flowable creates its own tables in the same database.
     */
    @Bean
    static BeanFactoryPostProcessor mosaicFlowableAfterFlyway() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition("processEngine")
                    || !beanFactory.containsBeanDefinition("flywayInitializer")) {
                return;
            }
            BeanDefinition engine = beanFactory.getBeanDefinition("processEngine");
            String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
            engine.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of("flywayInitializer"))
                    .distinct().toArray(String[]::new));
        };
    }

    /** Flowable's H2 DDL fails in H2's MySQL mode ("Unknown data type IDENTITY"); its MySQL DDL works there. */
    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> mosaicFlowableDatabaseType(
            DataSourceProperties dataSource) {
        return configuration -> {
            if (DatabaseKind.of(dataSource.determineUrl()) == DatabaseKind.H2) {
                configuration.setDatabaseType("mysql");
            }
        };
    }
}
