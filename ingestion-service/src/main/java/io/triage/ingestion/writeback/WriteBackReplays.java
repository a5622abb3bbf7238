package io.triage.ingestion.writeback;

import java.util.Objects;
import java.util.UUID;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a dead letter: re-planned with the mapping published now (so a fixed mapping heals it), with the same
 * marker (so a note written before is not written again), set PENDING and delivered after the commit
 * ({@link WriteBackReplayed}, at least once).
 */
@Service
public class WriteBackReplays {

    private final WriteBacks rows;
    private final DecisionWriteBack writeBacks;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final boolean enabled;

    WriteBackReplays(WriteBacks rows, DecisionWriteBack writeBacks, TransactionTemplate transaction,
            ApplicationEventPublisher events, IngestionProperties properties) {
        this.rows = rows;
        this.writeBacks = writeBacks;
        this.transaction = transaction;
        this.events = events;
        this.enabled = properties.writeback().enabled();
    }

    /**
     * Replays the write-back {@code id}; answers it as now stored (PENDING).
     *
     * @throws NotFoundException no such write-back
     * @throws ConflictException it is not FAILED, its decision was superseded, no published mapping writes it back, or
     *                           write-back is disabled
     */
    public WriteBack replay(UUID id) {
        if (!enabled) {
            throw new ConflictException("Write-back is disabled (triage.ingestion.writeback.enabled=false)");
        }
        WriteBack row = rows.find(id).orElseThrow(() -> new NotFoundException("No write-back " + id));
        if (row.state() != WriteBackState.FAILED) {
            throw new ConflictException("Write-back " + id + " is " + row.state() + "; only a FAILED one is replayed");
        }
        DecisionWriteBack.Current current = writeBacks.current(row.ticketId(), row.decisionId())
                .orElseThrow(() -> new ConflictException("Write-back " + id + "'s decision was superseded by a newer "
                        + "one (or the ticket erased); the newer decision is written back by itself"));
        WriteBackPlan plan = writeBacks.plan(current)
                .orElseThrow(() -> new ConflictException("No published " + row.source().tag() + " mapping writes "
                        + "write-back " + id + "'s decision back"));
        return Objects.requireNonNull(transaction.execute(status -> {
            WriteBack reopened = rows.reopen(id, plan).orElseThrow(() -> new ConflictException(
                    "Write-back " + id + " is no longer FAILED"));
            events.publishEvent(new WriteBackReplayed(id));
            return reopened;
        }));
    }
}
