package io.triage.classify.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.tier.TierContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tokens and cost of every LLM call: one row per call in {@code llm_calls} (naming the decision and ticket it was made
 * for, so that an erasure finds it), counters {@code llm_tokens_total{kind}},
 * and {@code llm_cost_daily}, the cost of the current UTC day (read from the table, so every replica reports the
 * deployment's total; aggregate it with max, not sum).
 */
@Component
class LlmCosts {

    private static final Duration GAUGE_STALENESS = Duration.ofSeconds(10);

    private record Reading(Instant at, double cost) {
    }

    private final JdbcClient jdbc;
    private final LlmTierProperties settings;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final AtomicReference<Reading> daily = new AtomicReference<>(new Reading(Instant.EPOCH, 0));

    LlmCosts(JdbcClient jdbc, LlmTierProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.settings = properties;
        this.promptTokens = Counter.builder("llm_tokens").tag("kind", "prompt").register(meters);
        this.completionTokens = Counter.builder("llm_tokens").tag("kind", "completion").register(meters);
        Gauge.builder("llm_cost_daily", this, LlmCosts::today)
                .description("LLM cost of the current UTC day, in the configured price's currency").register(meters);
    }

    /** The cost of a completion at the configured prices. */
    double cost(Completion completion) {
        return (completion.promptTokens() * settings.promptPricePerMillion()
                + completion.completionTokens() * settings.completionPricePerMillion()) / 1_000_000.0;
    }

    void record(String model, String promptHash, String mode, Completion completion, String outcome,
            TierContext context) {
        promptTokens.increment(completion.promptTokens());
        completionTokens.increment(completion.completionTokens());
        jdbc.sql("""
                INSERT INTO llm_calls (model, prompt_hash, mode, prompt_tokens, completion_tokens, cost, outcome,
                    decision_id, ticket_id)
                VALUES (:model, :hash, :mode, :pt, :ct, :cost, :outcome, :decision, :ticket)
                """).param("model", model).param("hash", promptHash).param("mode", mode)
                .param("pt", completion.promptTokens()).param("ct", completion.completionTokens())
                .param("cost", cost(completion)).param("outcome", outcome)
                .param("decision", context.decisionId()).param("ticket", context.ticket().ticketId()).update();
        daily.set(new Reading(Instant.EPOCH, 0));
    }

    double today() {
        Reading reading = daily.get();
        if (reading.at().plus(GAUGE_STALENESS).isAfter(Instant.now())) {
            return reading.cost();
        }
        double cost = jdbc.sql("""
                SELECT coalesce(sum(cost), 0) FROM llm_calls
                 WHERE called_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                """).query(Double.class).single();
        daily.set(new Reading(Instant.now(), cost));
        return cost;
    }
}
