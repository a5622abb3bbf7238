package io.triage.classify.feedback;

import java.util.UUID;

import io.triage.classify.cache.SimilarTicketSearch;
import io.triage.classify.lifecycle.ingestion.IngestionService;
import io.triage.classify.rules.RulesEngine;
import io.triage.platform.client.ResilientCalls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Forwards accepted feedback, at least once (the decision redelivery schedule also resubmits these publications):
 * the correct department to rules-engine when a rule had matched, the labels to the ticket's vector in
 * embedding-service so that the semantic cache and the LLM examples learn them, and the labels to the ticket in
 * ingestion-service as validated labels, the data the weekly retraining learns from, and the correct labels to
 * audit-service, the ground truth of its monthly compliance report.
 *
 * <p>The listeners are not {@code @ApplicationModuleListener}s: those run in a transaction of their own, so each held a
 * pooled connection for the whole outbound call (audit-service: up to 10 s per attempt, three attempts), and with
 * unbounded listener threads a slow receiver drained the pool until {@code /classify} answered 503 (issue 19,
 * item 7). They run after the feedback's transaction commits, on the platform's bounded listener executor
 * ({@code triage.platform.events.listener-concurrency}), and touch the database only when Spring Modulith marks the
 * publication complete. A publication that fails {@code triage.platform.events.max-attempts} redeliveries goes to
 * the dead letter ({@code GET /ops/events/dead-letters}), as gdpr-service's erasure deliveries do.
 */
@Component
class FeedbackForwarding {

    private static final Logger log = LoggerFactory.getLogger(FeedbackForwarding.class);

    private final RulesEngine rules;
    private final SimilarTicketSearch embeddings;
    private final IngestionService ingestion;
    private final AuditFeedback audit;
    private final ResilientCalls calls;

    FeedbackForwarding(RulesEngine rules, SimilarTicketSearch embeddings, IngestionService ingestion,
            AuditFeedback audit, ResilientCalls calls) {
        this.rules = rules;
        this.embeddings = embeddings;
        this.ingestion = ingestion;
        this.audit = audit;
        this.calls = calls;
    }

    @Async
    @TransactionalEventListener
    void toRulesEngine(FeedbackRecorded feedback) {
        String ruleId = feedback.ruleId();
        if (ruleId == null) {
            return;
        }
        refusedIsFinal("rules-engine", feedback, () -> calls.call("rules-engine", () -> {
            rules.feedback(new RulesEngine.RuleFeedback(AuditFeedback.idOf(feedback.decisionId()),
                    feedback.decisionId(), ruleId, feedback.department(), version(feedback.ruleSetVersion())));
            return null;
        }));
    }

    @Async
    @TransactionalEventListener
    void toEmbeddingService(FeedbackRecorded feedback) {
        String ticketId = feedback.ticketId();
        if (ticketId == null) {
            return;
        }
        refusedIsFinal("embedding-service", feedback, () -> calls.call("embedding-service", () -> {
            embeddings.relabel(ticketId, new SimilarTicketSearch.Labels(feedback.department(),
                    feedback.urgency(), feedback.sentiment()));
            return null;
        }));
    }

    /**
     * ingestion-service knows tickets by its own ids (UUIDs); a ticket id from elsewhere (a caller's own reference)
     * names no ticket there, so nothing is sent. The feedback's time goes along: the latest validation wins there.
     */
    @Async
    @TransactionalEventListener
    void toIngestionService(FeedbackRecorded feedback) {
        UUID ticket = ingestionTicket(feedback.ticketId());
        if (ticket == null) {
            log.debug("feedback for decision {} names no ingested ticket; not sent to ingestion-service",
                    feedback.decisionId());
            return;
        }
        var labels = new IngestionService.Labels(feedback.department(), feedback.urgency(), feedback.sentiment(),
                "ticketing-system".equals(feedback.source()) ? "source-system" : "agent-feedback",
                feedback.recordedAt());
        refusedIsFinal("ingestion-service", feedback, () -> calls.call("ingestion-service", () -> {
            ingestion.label(ticket.toString(), labels);
            return null;
        }));
    }

    /**
     * Every accepted feedback, agent's or ticketing system's, by decision id (the decision's audit event id). The
     * feedback id is derived from the decision id, so audit-service stores a redelivery once and its report never
     * counts a decision twice.
     */
    @Async
    @TransactionalEventListener
    void toAuditService(FeedbackRecorded feedback) {
        var truth = new AuditFeedback.GroundTruth(AuditFeedback.idOf(feedback.decisionId()), feedback.decisionId(),
                feedback.department(), feedback.urgency(), feedback.sentiment(),
                feedback.source() == null ? "agent" : feedback.source());
        refusedIsFinal("audit-service", feedback, () -> calls.call("audit-service", () -> {
            audit.record(truth);
            return null;
        }));
    }

    private static @Nullable UUID ingestionTicket(@Nullable String ticketId) {
        if (ticketId == null) {
            return null;
        }
        try {
            return UUID.fromString(ticketId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Integer version(@Nullable String ruleSetVersion) {
        try {
            return ruleSetVersion == null ? null : Integer.valueOf(ruleSetVersion);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A 4xx (other than 429: the platform retries that) means the receiver will never accept this feedback, e.g. a
     * ticket that was never embedded; sending it again cannot help, so the delivery ends with a warning.
     */
    private static void refusedIsFinal(String receiver, FeedbackRecorded feedback, Runnable delivery) {
        try {
            delivery.run();
        } catch (HttpClientErrorException e) {
            log.warn("{} refused feedback for decision {}: {}", receiver, feedback.decisionId(), e.getStatusCode());
        }
    }
}
