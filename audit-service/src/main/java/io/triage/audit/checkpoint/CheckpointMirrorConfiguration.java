package io.triage.audit.checkpoint;

import io.triage.audit.blob.BlobContainers;
import io.triage.audit.blob.Protection;
import io.triage.audit.config.AuditProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Where the write-once copies of the checkpoints go: {@code triage.audit.checkpoint-mirror.store}. */
@Configuration(proxyBeanMethods = false)
class CheckpointMirrorConfiguration {

    @Bean
    @ConditionalOnMissingBean(CheckpointMirror.class)
    CheckpointMirror checkpointMirror(AuditProperties properties, JsonMapper json) {
        return switch (properties.checkpointMirror().store()) {
            case LOCAL -> new DirectoryCheckpointMirror(properties.checkpointMirror().directory(), json);
            case AZURE -> {
                AuditProperties.Azure azure = properties.azure();
                yield new BlobCheckpointMirror(BlobContainers.writeOnce(azure, azure.checkpointContainer(),
                        new Protection(null, false, azure.checkpointLegalHold())), json);
            }
        };
    }
}
