package io.triage.audit.archive;

import io.triage.audit.config.AuditProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where archived partitions go. */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    /** The local-directory archive unless another store (e.g. Azure Blob Storage) is configured as a bean. */
    @Bean
    @ConditionalOnMissingBean(ArchiveStore.class)
    ArchiveStore localDirectoryArchiveStore(AuditProperties properties) {
        return new LocalDirectoryArchiveStore(properties.archive().directory());
    }
}
