package io.mosaic.runtime.config;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.mosaic.flow.run.DeployableProcess;
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

    /**
     * Expressions in deployed processes reach only the platform's two flow beans, never the whole application
     * context; candidate groups are the user's roles (Flowable's own identity engine is off). Beans are looked up on
     * use, as they depend on the engine being configured here.
     */
    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> mosaicFlowableBeans(ApplicationContext context) {
        return configuration -> {
            configuration.setBeans(new ExpressionBeans(context,
                    Set.of(DeployableProcess.BEAN, DeployableProcess.TASK_LISTENER)));
            configuration.setCreateDiagramOnDeploy(false);
        };
    }

    /** The named beans, resolved from the context when an expression first reads them. */
    static final class ExpressionBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Set<String> names;

        ExpressionBeans(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = names;
        }

        @Override
        public boolean containsKey(Object key) {
            return names.contains(key);
        }

        @Override
        public Object get(Object key) {
            return names.contains(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
            names.forEach(name -> entries.add(new SimpleImmutableEntry<>(name, context.getBean(name))));
            return entries;
        }
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
