package io.triage.audit.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Infrastructure beans of the audit-service. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** The recording clock; tests supply a {@code @Primary} one to write into past months (archive, retention). */
    @Bean
    Clock auditClock() {
        return Clock.systemUTC();
    }
}
