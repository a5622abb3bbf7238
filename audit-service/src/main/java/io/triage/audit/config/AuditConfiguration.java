package io.triage.audit.config;

import java.time.Clock;

import io.triage.audit.archive.ArchiveStore;
import io.triage.audit.archive.LocalDirectoryArchiveStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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

    /** The local-directory archive unless another store (e.g. Azure Blob Storage) is configured as a bean. */
    @Bean
    @ConditionalOnMissingBean(ArchiveStore.class)
    ArchiveStore localDirectoryArchiveStore(AuditProperties properties) {
        return new LocalDirectoryArchiveStore(properties.archive().directory());
    }
}
