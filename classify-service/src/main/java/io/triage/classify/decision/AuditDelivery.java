package io.triage.classify.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.triage.platform.client.ResilientCalls;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers each decision to audit-service at least once. The listener runs after the decision's transaction
 * commits; while audit-service is down the publication stays incomplete in {@code event_publication} and
 * {@link #redeliver()} (and a restart) sends it again. audit-service is idempotent on the event id.
 */
@Component
class AuditDelivery {

    static final String DOWNSTREAM = "audit-service";

    private final AuditTrail audit;
    private final ResilientCalls calls;
    private final IncompleteEventPublications incomplete;
    private final AuditDeliveryProperties properties;

    AuditDelivery(AuditTrail audit, ResilientCalls calls, IncompleteEventPublications incomplete,
            AuditDeliveryProperties properties) {
        this.audit = audit;
        this.calls = calls;
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(DecisionRecorded decision) {
        calls.call(DOWNSTREAM, () -> {
            audit.record(event(decision));
            return null;
        });
    }

    @Scheduled(fixedDelayString = "${triage.classify.tiers.audit-redelivery-interval:PT15S}")
    @SchedulerLock(name = "classify-audit-redelivery")
    void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(properties.auditRedeliverAfter());
    }

    static AuditTrail.Event event(DecisionRecorded d) {
        return new AuditTrail.Event(d.decisionId(), d.ticketId(), d.userId(), d.modelVersion(), d.ruleSetVersion(),
                d.routingMethod(), new AuditTrail.Prediction(d.department(), d.urgency(), d.sentiment()),
                BigDecimal.valueOf(d.confidence()).setScale(4, RoundingMode.HALF_UP), d.decidedAt(), d.channel(),
                d.tierLatenciesMicros(), d.traceId());
    }
}
