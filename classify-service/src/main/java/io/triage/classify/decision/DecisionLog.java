package io.triage.classify.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.tier.ClassificationResult;
import io.triage.classify.tier.Hashes;
import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.LlmUsage;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.RuleMatch;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.classify.tier.SimilarTicket;
import io.triage.classify.tier.TierContext;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.UnavailableException;
import io.triage.platform.tracing.TraceParents;
import io.triage.platform.web.TraceIds;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs every decision in {@code classify.decisions} (labels, tier, versions, hashes of the inputs, latency per tier,
 * experiment arms, the nearest neighbour for cache accounting, the matched rule's department and whether it
 * short-circuited, and the model's department beside whatever decided) and queues its audit event in {@code audit_outbox}
 * with the same statement, one round trip; {@link AuditRelay} sends queued events to audit-service in batches. The
 * event's row keeps the request's W3C {@code traceparent}, so the relay's delivery joins the request's trace.
 * A decision made for a request with an {@code Idempotency-Key} also keeps the key, the request's hash and the
 * answer, in the same row; the key's unique index lets only one decision per key be logged.
 */
@Service
public class DecisionLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TraceIds traceIds;
    private final TraceParents traceParents;
    private final IdempotentReplays replays;
    private final AuditRelay relay;

    DecisionLog(JdbcClient jdbc, JsonMapper json, TraceIds traceIds, TraceParents traceParents,
            IdempotentReplays replays, AuditRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.traceIds = traceIds;
        this.traceParents = traceParents;
        this.replays = replays;
        this.relay = relay;
    }

    /**
     * Stores the decision and its audit event (one statement, so both or neither); a database failure is a 503 (an
     * unlogged decision is not given). With {@code request}, the key, the request's hash and {@code result} are
     * stored in the same row; when another request with the same key was logged first (a concurrent first
     * request), nothing is stored or queued and that request's stored answer is given instead (or 422 when it was
     * another request).
     */
    public LoggedDecision record(ClassificationResult result, TierContext context,
            @Nullable IdempotentRequest request) {
        int inserted;
        try {
            inserted = insert(result, context, request);
        } catch (DataAccessException e) {
            throw new UnavailableException("the decision log is unavailable", Duration.ofSeconds(5));
        }
        if (request != null && inserted == 0) {
            // The insert waited for the winner's transaction and found its committed row: answer that decision.
            return replays.replay(request)
                    .orElseThrow(() -> new ConflictException(
                            "another request with this Idempotency-Key was logged and then removed; send a new key"));
        }
        relay.wake();
        return new LoggedDecision(result, false);
    }

    private int insert(ClassificationResult result, TierContext context, @Nullable IdempotentRequest request) {
        SanitisedTicket ticket = context.ticket();
        SimilarTicket neighbour = context.neighbours() == null || context.neighbours().isEmpty() ? null
                : context.neighbours().getFirst();
        LlmUsage llm = context.llmUsage();
        RuleMatch rule = context.ruleMatch();
        ModelAnswer model = context.modelAnswer();
        HeadPrediction modelDepartment = model == null ? null : model.heads().get("department");
        return jdbc.sql("""
                WITH decision AS (
                INSERT INTO decisions (id, ticket_id, routing_method, department, department_confidence, urgency,
                    urgency_confidence, sentiment, sentiment_confidence, rule_id, rule_set_version, model_version,
                    neighbour_ticket_id, neighbour_similarity, neighbour_department, text_hash, customer_hash,
                    channel, source_system, tier_latencies_micros, skipped_tiers, experiments, llm_mode,
                    llm_prompt_tokens, llm_completion_tokens, llm_cost, latency_micros, idempotency_key,
                    request_hash, response, requested_by, rule_department, rule_short_circuit, model_department,
                    model_department_confidence)
                VALUES (:id, :ticket, :method, :dep, :depc, :urg, :urgc, :sen, :senc, :rule, :rsv, :mv,
                    :nid, :nsim, :ndep, :text, :customer, :channel, :source, CAST(:lat AS jsonb),
                    CAST(:skipped AS jsonb), CAST(:exp AS jsonb), :llmmode, :pt, :ct, :cost, :micros, :key,
                    :requesthash, CAST(:response AS jsonb), :requestedby, :ruledep, :rulesc, :modeldep, :modeldepc)
                ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING id)
                INSERT INTO audit_outbox (decision_id, event, traceparent) SELECT id, :event, :traceparent FROM decision
                """)
                .param("id", result.decisionId())
                .param("ticket", ticket.ticketId())
                .param("method", result.routingMethod().name())
                .param("dep", label(result.department())).param("depc", confidence(result.department()))
                .param("urg", label(result.urgency())).param("urgc", confidence(result.urgency()))
                .param("sen", label(result.sentiment())).param("senc", confidence(result.sentiment()))
                .param("rule", context.ruleMatch() == null ? null : context.ruleMatch().ruleId())
                .param("rsv", result.ruleSetVersion())
                .param("mv", result.modelVersion())
                .param("nid", neighbour == null ? null : neighbour.ticketId())
                .param("nsim", neighbour == null ? null : neighbour.similarity())
                .param("ndep", neighbour == null ? null : neighbour.department())
                .param("text", Hashes.sha256(ticket.text()))
                .param("customer", ticket.customerHash())
                .param("channel", ticket.channel())
                .param("source", ticket.sourceSystem())
                .param("lat", json.writeValueAsString(latencies(context)))
                .param("skipped", json.writeValueAsString(result.skippedTiers()))
                .param("exp", json.writeValueAsString(result.experiments()))
                .param("llmmode", llm == null ? null : llm.mode())
                .param("pt", llm == null ? null : llm.promptTokens())
                .param("ct", llm == null ? null : llm.completionTokens())
                .param("cost", llm == null ? null : llm.cost())
                .param("micros", Math.round(result.latencyMillis() * 1000))
                .param("key", request == null ? null : request.key())
                .param("requesthash", request == null ? null : request.requestHash())
                .param("response", request == null ? null : json.writeValueAsString(result))
                .param("event", json.writeValueAsString(event(result, context)))
                .param("traceparent", traceParents.current())
                .param("requestedby", caller())
                .param("ruledep", rule == null ? null : rule.department())
                .param("rulesc", rule == null ? null : rule.shortCircuit())
                .param("modeldep", modelDepartment == null ? null : modelDepartment.label())
                .param("modeldepc", modelDepartment == null ? null : modelDepartment.confidence())
                .update();
    }

    /** The decision as audit-service records it (ids and labels, never ticket text); its id is the decision's. */
    AuditTrail.Event event(ClassificationResult result, TierContext context) {
        String ticketId = result.ticketId() != null ? result.ticketId() : "decision:" + result.decisionId();
        double confidence = result.department() == null ? 0 : result.department().confidence();
        return new AuditTrail.Event(result.decisionId(), ticketId, caller(),
                result.modelVersion() == null ? "none" : result.modelVersion(), result.ruleSetVersion(),
                auditName(result.routingMethod()), new AuditTrail.Prediction(label(result.department()),
                        label(result.urgency()), label(result.sentiment())),
                BigDecimal.valueOf(confidence).setScale(4, RoundingMode.HALF_UP), Instant.now(),
                context.ticket().channel().isEmpty() ? null : context.ticket().channel(), context.ticket().language(),
                context.ticket().customerSegment(), latencies(context), traceIds.current());
    }

    /** audit-service names the rules tier RULES. */
    static String auditName(RoutingMethod method) {
        return method == RoutingMethod.RULE ? "RULES" : method.name();
    }

    private static Map<String, Long> latencies(TierContext context) {
        Map<String, Long> latencies = new LinkedHashMap<>();
        context.latenciesMicros().forEach((tier, micros) -> latencies.put(tier.name(), micros));
        return latencies;
    }

    private static @Nullable String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static @Nullable String label(@Nullable LabelScore score) {
        return score == null ? null : score.label();
    }

    private static @Nullable Double confidence(@Nullable LabelScore score) {
        return score == null ? null : score.confidence();
    }
}
