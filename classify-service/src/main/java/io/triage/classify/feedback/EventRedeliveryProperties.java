package io.triage.classify.feedback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redelivery of Spring Modulith events whose listener failed (feedback forwarded to rules-engine,
 * embedding-service, ingestion-service and audit-service). The property names date from when decision events
 * travelled this way too; those now go through classify's audit outbox ({@code triage.classify.audit.*}).
 *
 * @param auditRedeliverAfter     an event whose listener has not completed for this long is delivered again
 *                                (every receiver is idempotent)
 * @param auditRedeliveryInterval how often incomplete events are looked for
 */
@ConfigurationProperties("triage.classify.tiers")
public record EventRedeliveryProperties(
        @DefaultValue("30s") Duration auditRedeliverAfter,
        @DefaultValue("15s") Duration auditRedeliveryInterval) {
}
