package io.triage.ingestion.writeback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.flow.DecisionStored;
import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.flow.TicketDecisions;
import io.triage.ingestion.mapping.MappedValues;
import io.triage.ingestion.mapping.ReadBack;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.mapping.WriteBackPlanner;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes each stored decision back, after the transaction that stored it commits, on its own thread and at least once
 * (a listener that throws leaves the publication incomplete; the flow's redelivery job and a restart send it again).
 * Skipped when the decision was superseded or the ticket erased; nothing is written when the planner plans nothing (no
 * published mapping, an import). A decision already written (or failed for good) is not written again: a dead letter
 * is replayed by hand ({@link WriteBackReplays}).
 *
 * <p>Counted in {@code ingestion_writeback_total{source,outcome}}: besides {@code succeeded} and {@code failed},
 * {@code skipped} (superseded, erased), {@code unplanned} (nothing to write), {@code duplicate} (already done) and
 * {@code disabled}.
 */
@Component
class DecisionWriteBack {

    /** Longer than a delivery can take: attempts × (timeouts + the longest Retry-After waited out). */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final TicketRepository tickets;
    private final TicketDecisions decisions;
    private final WriteBackPlanner planner;
    private final WriteBacks rows;
    private final WriteBackDelivery delivery;
    private final IngestionProperties.WriteBack settings;
    private final MeterRegistry meters;
    private final MappedValues mapped;

    DecisionWriteBack(TicketRepository tickets, TicketDecisions decisions, WriteBackPlanner planner,
            WriteBacks rows, WriteBackDelivery delivery, IngestionProperties properties, MeterRegistry meters,
            MappedValues mapped) {
        this.tickets = tickets;
        this.decisions = decisions;
        this.planner = planner;
        this.rows = rows;
        this.delivery = delivery;
        this.settings = properties.writeback();
        this.meters = meters;
        this.mapped = mapped;
    }

    @Async
    @TransactionalEventListener
    void writeBack(DecisionStored stored) {
        if (!settings.enabled()) {
            count(stored.source(), "disabled");
            return;
        }
        Optional<Current> current = current(stored.ticketId(), stored.decisionId());
        if (current.isEmpty()) {
            count(stored.source(), "skipped");
            return;
        }
        Ticket ticket = current.get().ticket();
        Optional<WriteBackPlan> plan = plan(current.get());
        if (plan.isEmpty()) {
            count(stored.source(), "unplanned");
            return;
        }
        Optional<WriteBack> row = rows.begin(ticket.id(), plan.get());
        if (row.isEmpty()) {
            count(stored.source(), "skipped");
            return;
        }
        if (row.get().state() != WriteBackState.PENDING) {
            count(stored.source(), "duplicate");
            return;
        }
        claim(row.get());
        expect(row.get(), plan.get());
        delivery.deliver(row.get().id(), plan.get(), ticket.receivedAt());
    }

    /** Delivers a replayed dead letter, re-planned with the mapping published now. */
    @Async
    @TransactionalEventListener
    void replay(WriteBackReplayed replayed) {
        Optional<WriteBack> row = rows.find(replayed.writeBackId()).filter(r -> r.state() == WriteBackState.PENDING);
        if (row.isEmpty()) {
            return;
        }
        WriteBack writeBack = row.get();
        Optional<Current> current = current(writeBack.ticketId(), writeBack.decisionId());
        Optional<WriteBackPlan> plan = current.flatMap(this::plan);
        if (current.isEmpty() || plan.isEmpty()) {
            rows.failed(writeBack.id(), null, current.isEmpty() ? "the decision was superseded"
                    : "no published mapping writes the decision back");
            count(writeBack.source(), "failed");
            return;
        }
        claim(writeBack);
        expect(writeBack, plan.get());
        delivery.deliver(writeBack.id(), plan.get(), current.get().ticket().receivedAt());
    }

    /**
     * Takes the write-back for this delivery. Another one holds it (a duplicate delivery racing it, or one that crashed
     * within the lease): this one throws, so its publication stays incomplete and is redelivered once the other is
     * done (and then finds it SUCCEEDED or FAILED) or its lease ran out.
     */
    private void claim(WriteBack row) {
        if (rows.claim(row.id(), Instant.now().plus(LEASE)).isEmpty()) {
            count(row.source(), "in_flight");
            throw new WriteBackInFlightException(row.id());
        }
    }

    /**
     * Records what the ticket's fields should read back as once {@code plan} is written: its fields over the ones the
     * ticket has now. A later version that reads back otherwise is an agent's correction ({@link Corrections}).
     */
    private void expect(WriteBack row, WriteBackPlan plan) {
        rows.sourceState(row.ticketId()).ifPresent(state -> {
            ReadBack after = mapped.readBack(plan.source(),
                    SourceValues.after(SourceValues.of(state.source(), state.fields(), state.priority()), plan));
            rows.expect(row.id(), after.department(), after.urgency());
        });
    }

    /** The plan under the published mapping; none while the source has no published mapping. */
    Optional<WriteBackPlan> plan(Current current) {
        return planner.plan(current.ticket(), current.decision());
    }

    /** The ticket and its stored decision, while that decision is still {@code decisionId}. */
    record Current(Ticket ticket, TicketDecision decision) {
    }

    Optional<Current> current(UUID ticketId, UUID decisionId) {
        Optional<TicketDecision> decision = decisions.find(ticketId)
                .filter(d -> decisionId.equals(d.decisionId()) && TicketDecision.DECIDED.equals(d.status()));
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        return tickets.find(ticketId).map(ticket -> new Current(ticket, decision.get()));
    }

    private void count(TicketSource source, String outcome) {
        meters.counter("ingestion_writeback_total", "source", source.tag(), "outcome", outcome).increment();
    }
}
