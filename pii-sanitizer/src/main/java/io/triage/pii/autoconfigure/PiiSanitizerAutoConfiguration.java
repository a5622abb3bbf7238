package io.triage.pii.autoconfigure;

import io.triage.pii.PiiSanitizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives every service that depends on pii-sanitizer a ready {@link PiiSanitizer} bean configured from
 * {@code triage.pii.*}; a service that declares its own bean wins.
 */
@AutoConfiguration
@EnableConfigurationProperties(PiiProperties.class)
public class PiiSanitizerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PiiSanitizer piiSanitizer(PiiProperties properties) {
        return properties.toSettings(System::getenv).build();
    }
}
