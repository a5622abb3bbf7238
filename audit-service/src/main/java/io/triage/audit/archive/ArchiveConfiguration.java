package io.triage.audit.archive;

import io.triage.audit.blob.BlobContainers;
import io.triage.audit.blob.Protection;
import io.triage.audit.config.AuditProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where archived partitions go: {@code triage.audit.archive.store} = {@code local} or {@code azure}. */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    @Bean
    @ConditionalOnMissingBean(ArchiveStore.class)
    ArchiveStore archiveStore(AuditProperties properties) {
        AuditProperties.Archive archive = properties.archive();
        return switch (archive.store()) {
            case LOCAL -> new LocalDirectoryArchiveStore(archive.directory(), archive.local().durable());
            case AZURE -> {
                AuditProperties.Azure azure = properties.azure();
                yield new AzureBlobArchiveStore(BlobContainers.writeOnce(azure, azure.archiveContainer(),
                        new Protection(
                        azure.archiveImmutability().isZero() ? null : azure.archiveImmutability(),
                        azure.lockImmutability(), false)));
            }
        };
    }
}
