package io.triage.classify.decision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How decision events travel from the outbox to audit-service ({@code triage.classify.audit.*}).
 *
 * @param batchSize    events per request to audit-service at most (audit-service appends a batch in one
 *                     transaction)
 * @param pollInterval how often the outbox is looked at when no decision woke the relay: picks up events another
 *                     replica or a crashed process left behind
 * @param maxBackoff   the longest wait between attempts while audit-service is unavailable (the wait doubles from
 *                     the poll interval up to this)
 */
@ConfigurationProperties("triage.classify.audit")
public record AuditRelayProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration maxBackoff) {

    public AuditRelayProperties {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("triage.classify.audit.batch-size must be 1-1000, not " + batchSize);
        }
    }
}
