package io.triage.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * The verification alert ({@code TriageAuditVerificationFailed}) needs its series before the first finding: a
 * healthy chain shows 0 findings, not "no data".
 */
class VerificationMetricsTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final VerificationMetrics metrics = new VerificationMetrics(registry);

    @Test
    void findingsAndVerifiedEventsAreCountedFromZero() {
        assertThat(registry.scrape()).contains("audit_verification_findings_total 0.0")
                .contains("audit_verified_events_total 0.0");
    }

    @Test
    void aRunCountsItsEventsAndFindings() {
        metrics.verified(12, 0);
        metrics.verified(5, 2);

        assertThat(registry.scrape()).contains("audit_verification_findings_total 2.0")
                .contains("audit_verified_events_total 17.0");
    }
}
