package io.triage.audit.verify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code audit_verified_events_total} and {@code audit_verification_findings_total}, counted by every verification
 * ({@code GET /audit/verify}, the archiver's check before detaching). Both exist from start-up, so the alert
 * {@code TriageAuditVerificationFailed} sees 0 on a healthy chain rather than no series.
 */
@Component
class VerificationMetrics {

    private final Counter verifiedEvents;
    private final Counter findings;

    VerificationMetrics(MeterRegistry meters) {
        this.verifiedEvents = Counter.builder("audit_verified_events")
                .description("Chain events re-computed by verifications").register(meters);
        this.findings = Counter.builder("audit_verification_findings")
                .description("Findings (broken hashes or links, unaccounted positions, bad checkpoints or archives)")
                .register(meters);
    }

    void verified(long events, int findingCount) {
        verifiedEvents.increment(events);
        findings.increment(findingCount);
    }
}
