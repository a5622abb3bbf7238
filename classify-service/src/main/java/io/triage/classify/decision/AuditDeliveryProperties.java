package io.triage.classify.decision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redelivery of decision events to audit-service ({@code triage.classify.tiers.audit-*}).
 *
 * @param auditRedeliverAfter     a decision event not yet delivered to audit-service for this long is sent again
 *                                (audit-service is idempotent on the event id)
 * @param auditRedeliveryInterval how often undelivered decision events are looked for
 */
@ConfigurationProperties("triage.classify.tiers")
public record AuditDeliveryProperties(
        @DefaultValue("30s") Duration auditRedeliverAfter,
        @DefaultValue("15s") Duration auditRedeliveryInterval) {
}
