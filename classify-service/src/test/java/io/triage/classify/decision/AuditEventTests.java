package io.triage.classify.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.triage.classify.tier.RoutingMethod;
import org.junit.jupiter.api.Test;

class AuditEventTests {

    @Test
    void rulesTierIsNamedAsAuditServiceNamesIt() {
        assertThat(DecisionLog.auditName(RoutingMethod.RULE)).isEqualTo("RULES");
        assertThat(DecisionLog.auditName(RoutingMethod.NEEDS_REVIEW)).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void eventCarriesLabelsAndIdsWithTheDecisionIdAsIdempotencyKey() {
        UUID id = UUID.randomUUID();
        AuditTrail.Event event = AuditDelivery.event(new DecisionRecorded(id, "T-1", "local-classifier", "3", "7",
                "ML", "Billing", "High", "Negative", 0.912345, Instant.parse("2026-11-25T10:00:00Z"), "email",
                Map.of("RULE", 120L, "ML", 300L), null));
        assertThat(event.eventId()).isEqualTo(id);
        assertThat(event.prediction()).isEqualTo(new AuditTrail.Prediction("Billing", "High", "Negative"));
        assertThat(event.confidence()).hasToString("0.9123");
        assertThat(event.tierLatenciesMicros()).containsEntry("ML", 300L);
    }
}
