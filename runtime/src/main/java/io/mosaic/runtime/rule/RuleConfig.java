package io.mosaic.runtime.rule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.mosaic.rule.run.RuleEngine;

@Configuration(proxyBeanMethods = false)
public class RuleConfig {

    /** One engine for the application: it caches each published version's compiled rules. */
    @Bean
    RuleEngine ruleEngine(@Value("${mosaic.rules.max-firings:10000}") int maxFirings) {
        return new RuleEngine(maxFirings);
    }
}
