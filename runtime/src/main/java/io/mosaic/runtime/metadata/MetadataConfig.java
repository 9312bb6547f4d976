package io.mosaic.runtime.metadata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.mosaic.api.definition.DefinitionKinds;

@Configuration(proxyBeanMethods = false)
public class MetadataConfig {

    /** The kinds the engines on the class path register through {@link java.util.ServiceLoader}. */
    @Bean
    DefinitionKinds definitionKinds() {
        return DefinitionKinds.load();
    }
}
