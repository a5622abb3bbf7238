package io.triage.classify.lifecycle.provenance;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which customers' tickets each model version learnt from, and the customers erased since. Both writers (a
 * registration recording its subjects, an erasure looking for them) take one transaction-scoped advisory lock, so
 * a version trained on data read before an erasure and registered after it is flagged by one side or the other:
 * the erasure finds its subjects, or the registration finds the erased customer.
 */
@Component
public class TrainingSubjects {

    /** Advisory lock key shared by registrations and erasures ("classify-training-subjects"). */
    private static final long LOCK = 0x636c617373696679L;

    private final JdbcClient jdbc;

    TrainingSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records where {@code version} was trained from; when one of its customers was erased in the meantime, the
     * version is flagged for retirement at once (by that erasure's time + {@code window}). Call it inside the
     * registration's transaction.
     */
    public void record(long version, TrainingData data, Duration window) {
        lock();
        jdbc.sql("INSERT INTO model_provenance (model_version, origin, examples) VALUES (:v, :origin, :examples)")
                .param("v", version).param("origin", data.origin().name())
                .param("examples", data.set().examples().size()).update();
        if (data.subjects().isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO model_training_subjects (model_version, ticket_id, customer_hash)
                SELECT :v, s.ticket, s.customer
                  FROM unnest(CAST(:tickets AS varchar[]), CAST(:customers AS varchar[])) AS s(ticket, customer)
                """).param("v", version)
                .param("tickets", data.subjects().stream().map(TrainingSubject::ticketId).toArray(String[]::new))
                .param("customers", data.subjects().stream().map(TrainingSubject::customerHash)
                        .toArray(String[]::new))
                .update();
        jdbc.sql("""
                INSERT INTO model_retirements (model_version, state, retire_by, erasures)
                SELECT :v, 'PENDING', min(e.erased_at) + make_interval(secs => :window), count(*)
                  FROM erased_training_subjects e
                 WHERE e.customer_hash IN (SELECT customer_hash FROM model_training_subjects WHERE model_version = :v)
                HAVING count(*) > 0
                """).param("v", version).param("window", window.toSeconds()).update();
    }

    /**
     * Notes an erased customer and flags every version trained on their tickets (by keyed hash or ticket id) for
     * retirement by {@code erasedAt + window} (an earlier erasure's date stands), then forgets which of those tickets
     * the versions used: only the keyed hash of the erased customer stays, so that retraining leaves them out.
     */
    public ErasedTraining erase(String customerHash, Collection<String> ticketIds, Instant erasedAt,
            Duration window) {
        lock();
        String[] tickets = ticketIds.toArray(String[]::new);
        Instant retireBy = erasedAt.plus(window);
        jdbc.sql("""
                INSERT INTO erased_training_subjects (customer_hash, erased_at) VALUES (:customer, :at)
                ON CONFLICT (customer_hash) DO NOTHING
                """).param("customer", customerHash).param("at", Timestamp.from(erasedAt)).update();
        List<Long> versions = jdbc.sql("""
                SELECT DISTINCT model_version FROM model_training_subjects
                 WHERE customer_hash = :customer OR ticket_id = ANY(:tickets)
                 ORDER BY model_version
                """).param("customer", customerHash).param("tickets", tickets)
                .query((rs, row) -> rs.getLong(1)).list();
        for (long version : versions) {
            jdbc.sql("""
                    INSERT INTO model_retirements (model_version, state, flagged_at, retire_by)
                    VALUES (:v, 'PENDING', :at, :retireBy)
                    ON CONFLICT (model_version) DO UPDATE
                       SET retire_by = least(model_retirements.retire_by, excluded.retire_by),
                           erasures = model_retirements.erasures + 1
                     WHERE model_retirements.state = 'PENDING'
                    """).param("v", version).param("at", Timestamp.from(erasedAt))
                    .param("retireBy", Timestamp.from(retireBy)).update();
        }
        jdbc.sql("DELETE FROM model_training_subjects WHERE customer_hash = :customer OR ticket_id = ANY(:tickets)")
                .param("customer", customerHash).param("tickets", tickets).update();
        return new ErasedTraining(versions, retireBy);
    }

    /** The keyed hashes of every erased customer: retraining leaves their tickets out. */
    public Set<String> erasedCustomers() {
        return new HashSet<>(jdbc.sql("SELECT customer_hash FROM erased_training_subjects")
                .query(String.class).list());
    }

    /** Where a version was trained from; empty for versions registered before provenance was recorded. */
    public Optional<TrainingOrigin> origin(long version) {
        return jdbc.sql("SELECT origin FROM model_provenance WHERE model_version = :v").param("v", version)
                .query(String.class).optional().map(TrainingOrigin::valueOf);
    }

    private void lock() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").param("key", LOCK)
                .query(Integer.class).single();
    }
}
