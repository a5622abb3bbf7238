package io.triage.audit.checkpoint;

import io.triage.audit.config.AuditProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Where the write-once copies of the checkpoints go. */
@Configuration(proxyBeanMethods = false)
class CheckpointMirrorConfiguration {

    /** The local-directory mirror unless another one (e.g. an immutable Azure Blob container) is a bean. */
    @Bean
    @ConditionalOnMissingBean(CheckpointMirror.class)
    CheckpointMirror directoryCheckpointMirror(AuditProperties properties, JsonMapper json) {
        return new DirectoryCheckpointMirror(properties.checkpointMirror().directory(), json);
    }
}
