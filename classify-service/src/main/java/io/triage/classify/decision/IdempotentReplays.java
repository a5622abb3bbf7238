package io.triage.classify.decision;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.tier.ClassificationResult;
import io.triage.platform.problem.UnavailableException;
import io.triage.platform.problem.UnusableInputException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the answer the decision log stored for an {@code Idempotency-Key}, so that a repeated request is answered
 * without running the chain, logging or auditing again. Counts {@code classify_idempotent_replays_total}.
 */
@Component
public class IdempotentReplays {

    private record Stored(String requestHash, String response) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Counter replays;

    IdempotentReplays(JdbcClient jdbc, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.replays = Counter.builder("classify_idempotent_replays")
                .description("Answers to /classify replayed from the decision log for a repeated Idempotency-Key")
                .register(meters);
    }

    /**
     * The decision logged with {@code request}'s key, to answer again ({@link LoggedDecision#replayed()}); empty when
     * the key is new. The key sent with another request is a 422 and changes nothing.
     */
    public Optional<LoggedDecision> replay(IdempotentRequest request) {
        Optional<Stored> stored;
        try {
            stored = jdbc.sql("SELECT request_hash, response::text FROM decisions WHERE idempotency_key = :key")
                    .param("key", request.key())
                    .query((row, n) -> new Stored(row.getString(1), row.getString(2)))
                    .optional();
        } catch (DataAccessException e) {
            throw new UnavailableException("the decision log is unavailable", Duration.ofSeconds(5));
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().requestHash().equals(request.requestHash())) {
            throw new UnusableInputException("Idempotency-Key reused with a different request",
                    "this Idempotency-Key was first sent with another ticket; send a new key for a new request")
                    .with("field", IdempotentRequest.HEADER);
        }
        replays.increment();
        ClassificationResult answer = json.readValue(stored.get().response(), ClassificationResult.class);
        return Optional.of(new LoggedDecision(answer, true));
    }
}
