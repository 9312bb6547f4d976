package io.mosaic.runtime.form;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(TransferLimits.class)
class TransferConfig {
}
