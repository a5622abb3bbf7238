package io.triage.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead letter of the event publication registry. A publication whose listener still fails after
 * {@code triage.platform.events.max-attempts} redeliveries (Spring Modulith counts them in
 * {@code completion_attempts}) is moved, in one statement, from {@code event_publication} to
 * {@code event_publication_dead_letter}: no redelivery finds it there. Only a publication whose last delivery has
 * ended in failure ({@code status = 'FAILED'}) moves, never one being delivered right now. Exported as
 * {@code events_dead_lettered_total}, {@code events_dead_letters} (rows kept) and {@code events_outstanding}
 * (incomplete publications still being delivered).
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /**
     * A dead-lettered publication as operators see it: what failed and how often, never the event's payload.
     *
     * @param id                 the publication id
     * @param listenerId         the listener that kept failing
     * @param eventType          the event's class
     * @param publicationDate    when the event was published
     * @param completionAttempts redeliveries before it was given up
     * @param deadLetteredAt     when it was moved here
     */
    public record DeadLetter(UUID id, String listenerId, String eventType, Instant publicationDate,
            int completionAttempts, Instant deadLetteredAt) {
    }

    private final JdbcClient jdbc;
    private final int maxAttempts;
    private final Counter deadLettered;

    public DeadLetters(JdbcClient jdbc, EventProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.maxAttempts = properties.maxAttempts();
        this.deadLettered = Counter.builder("events.dead.lettered")
                .description("Event publications given up after triage.platform.events.max-attempts redeliveries")
                .register(meters);
        Gauge.builder("events.dead.letters", this, DeadLetters::count)
                .description("Event publications in the dead letter, waiting for an operator")
                .register(meters);
        Gauge.builder("events.outstanding", this, DeadLetters::outstanding)
                .description("Incomplete event publications (listeners still to succeed)")
                .register(meters);
    }

    /**
     * Moves every incomplete publication that has used up its redeliveries to the dead letter. Called before each
     * redelivery, so one that reached the limit is not sent again.
     *
     * @return how many were moved
     */
    public int moveExhausted() {
        int moved = jdbc.sql("""
                WITH exhausted AS (
                    DELETE FROM event_publication
                     WHERE completion_date IS NULL AND status = 'FAILED'
                       AND coalesce(completion_attempts, 0) >= :max
                 RETURNING id, listener_id, event_type, serialized_event, publication_date, status,
                           completion_attempts)
                INSERT INTO event_publication_dead_letter (id, listener_id, event_type, serialized_event,
                                                           publication_date, status, completion_attempts)
                SELECT id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts
                  FROM exhausted
                ON CONFLICT (id) DO NOTHING
                """).param("max", maxAttempts).update();
        if (moved > 0) {
            deadLettered.increment(moved);
            log.warn("{} event publication(s) failed {} redeliveries and were moved to event_publication_dead_letter",
                    moved, maxAttempts);
        }
        return moved;
    }

    /** The most recent dead letters, newest first. */
    public List<DeadLetter> latest(int limit) {
        return jdbc.sql("""
                SELECT id, listener_id, event_type, publication_date, coalesce(completion_attempts, 0),
                       dead_lettered_at
                  FROM event_publication_dead_letter ORDER BY dead_lettered_at DESC, id LIMIT :limit
                """).param("limit", limit)
                .query((rs, n) -> new DeadLetter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private double count() {
        return orNaN(jdbc.sql("SELECT count(*) FROM event_publication_dead_letter").query(Long.class).optional()
                .orElse(null));
    }

    private double outstanding() {
        return orNaN(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class).optional().orElse(null));
    }

    private static double orNaN(@Nullable Long value) {
        return value == null ? Double.NaN : value;
    }
}
