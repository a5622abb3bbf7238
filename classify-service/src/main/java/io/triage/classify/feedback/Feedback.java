package io.triage.classify.feedback;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.triage.classify.cache.CacheTierProperties;
import io.triage.classify.cache.ReuseAccuracy;
import io.triage.classify.rules.RuleOutcomes;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies feedback: stores it once per decision, updates the cache's reuse accuracy of the decision's nearest
 * neighbour (whether or not the cache decided, as long as the neighbour was close enough to be reused), and
 * publishes the event that forwards it to rules-engine, embedding-service, ingestion-service and audit-service.
 */
@Service
public class Feedback {

    private final JdbcClient jdbc;
    private final ReuseAccuracy reuse;
    private final ApplicationEventPublisher events;
    private final AccuracyBoard board;
    private final CacheTierProperties cache;
    private final RuleOutcomes ruleOutcomes;

    Feedback(JdbcClient jdbc, ReuseAccuracy reuse, ApplicationEventPublisher events, AccuracyBoard board,
            CacheTierProperties properties, RuleOutcomes ruleOutcomes) {
        this.ruleOutcomes = ruleOutcomes;
        this.jdbc = jdbc;
        this.reuse = reuse;
        this.events = events;
        this.board = board;
        this.cache = properties;
    }

    private record Decision(UUID id, @Nullable String ticketId, String method, @Nullable String department,
            @Nullable String ruleId, @Nullable String ruleSetVersion, @Nullable String neighbour,
            @Nullable Double similarity, @Nullable String neighbourDepartment) {
    }

    /**
     * Records {@code request} from {@code caller}: only on a decision that caller asked for (or one logged before
     * decisions named their caller); an administrator may correct any. Anyone else's decision is "not found", so a
     * caller learns nothing about the others' tickets.
     */
    @Transactional
    public FeedbackReceipt record(Correction request, Caller caller) {
        Decision decision = find(request, caller);
        String source = request.source() == null ? "agent" : request.source();
        boolean correct = Objects.equals(decision.department(), request.department());
        int inserted = jdbc.sql("""
                INSERT INTO decision_feedback (decision_id, department, urgency, sentiment, source, department_correct)
                VALUES (:id, :dep, :urg, :sen, :source, :correct) ON CONFLICT (decision_id) DO NOTHING
                """).param("id", decision.id()).param("dep", request.department()).param("urg", request.urgency())
                .param("sen", request.sentiment())
                .param("source", source)
                .param("correct", correct).update();
        if (inserted == 0) {
            return new FeedbackReceipt(decision.id(), decision.method(), correct, true);
        }
        if (decision.neighbour() != null && decision.neighbourDepartment() != null
                && decision.similarity() != null && decision.similarity() >= cache.minSimilarity()) {
            reuse.record(decision.neighbour(), decision.neighbourDepartment().equals(request.department()));
        }
        events.publishEvent(new FeedbackRecorded(decision.id(), decision.ticketId(), decision.ruleId(),
                decision.ruleSetVersion(),
                request.department(), request.urgency(), request.sentiment(), source, Instant.now()));
        board.refresh();
        if (decision.ruleId() != null) {
            ruleOutcomes.refresh();
        }
        return new FeedbackReceipt(decision.id(), decision.method(), correct, false);
    }

    /**
     * Who gives feedback.
     *
     * @param name the authenticated principal's name, as decisions record it
     * @param anyDecision whether the caller may correct decisions others asked for (administrators)
     */
    public record Caller(String name, boolean anyDecision) {
    }

    private Decision find(Correction request, Caller caller) {
        if (request.decisionId() == null && request.ticketId() == null) {
            throw new InvalidInputException("decisionId", "give decisionId or ticketId");
        }
        String select = """
                SELECT id, ticket_id, routing_method, department, rule_id, rule_set_version, neighbour_ticket_id,
                       neighbour_similarity, neighbour_department FROM decisions
                """;
        String whose = " AND (CAST(:any AS boolean) OR requested_by IS NULL OR requested_by = :caller)";
        var query = request.decisionId() != null
                ? jdbc.sql(select + " WHERE id = :id" + whose).param("id", request.decisionId())
                : jdbc.sql(select + " WHERE ticket_id = :ticket" + whose + " ORDER BY decided_at DESC LIMIT 1")
                        .param("ticket", request.ticketId());
        query = query.param("any", caller.anyDecision()).param("caller", caller.name());
        return query.query((rs, n) -> new Decision(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), (Double) rs.getObject(8),
                        rs.getString(9)))
                .optional()
                .orElseThrow(() -> new NotFoundException(request.decisionId() != null
                        ? "No decision " + request.decisionId() : "No decision for ticket " + request.ticketId()));
    }
}
