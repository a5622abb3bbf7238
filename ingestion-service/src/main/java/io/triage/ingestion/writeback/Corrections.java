package io.triage.ingestion.writeback;

import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.flow.ClassifyService;
import io.triage.ingestion.label.TicketLabelling;
import io.triage.ingestion.label.Validation;
import io.triage.ingestion.mapping.MappedValues;
import io.triage.ingestion.mapping.ReadBack;
import io.triage.ingestion.ticket.TicketChanged;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Agents' corrections flow back. When a newer version of a written-back ticket arrives (webhook or pull) and its
 * group or priority fields, read back through the published mapping, point to another department or urgency than the
 * write-back left, an agent corrected us: the ticket's labels are recorded as validated ({@code source-system}), which
 * retraining reads, and classify-service hears of it as feedback on the decision (cache and rule accuracy).
 *
 * <p>Our own write-back echoed back reads as what it wrote, so it is no correction; a suggestion (note only) is
 * compared with the fields as they were when it was written, so an agent adopting it counts as a validation. Each
 * correction is recorded once: the write-back's expectation moves to the corrected values in the same transaction.
 * Counted in {@code ingestion_corrections_total{source,outcome}}.
 */
@Component
class Corrections {

    private static final Logger log = LoggerFactory.getLogger(Corrections.class);
    /** classify-service's answers that refuse the feedback itself; asking again cannot help. */
    private static final Set<Integer> REFUSALS = Set.of(400, 404, 409, 422);

    private final WriteBacks rows;
    private final MappedValues mapped;
    private final TicketLabelling labelling;
    private final ClassifyService classify;
    private final ResilientCalls calls;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    Corrections(WriteBacks rows, MappedValues mapped, TicketLabelling labelling, ClassifyService classify,
            ResilientCalls calls, TransactionTemplate transaction, ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.rows = rows;
        this.mapped = mapped;
        this.labelling = labelling;
        this.classify = classify;
        this.calls = calls;
        this.transaction = transaction;
        this.events = events;
        this.meters = meters;
    }

    @Async
    @TransactionalEventListener
    void check(TicketChanged changed) {
        if (changed.source() == TicketSource.IMPORT || !mapped.mapped(changed.source())) {
            return;
        }
        Optional<WriteBacks.Expectation> expected = rows.expectation(changed.ticketId());
        Optional<WriteBacks.SourceState> state = rows.sourceState(changed.ticketId());
        // No write-back yet, the ticket erased, or a newer version stored (whose own event follows).
        if (expected.isEmpty() || state.isEmpty() || !state.get().sourceUpdated().equals(changed.version())) {
            return;
        }
        WriteBacks.SourceState now = state.get();
        ReadBack seen = mapped.readBack(now.source(), SourceValues.of(now.source(), now.fields(), now.priority()));
        WriteBacks.Expectation was = expected.get();
        boolean department = seen.department() != null && !seen.department().equals(was.department());
        boolean urgency = seen.urgency() != null && !seen.urgency().equals(was.urgency());
        if (!department && !urgency) {
            return;
        }
        String newDepartment = seen.department() != null ? seen.department() : was.department();
        String newUrgency = seen.urgency() != null ? seen.urgency() : was.urgency();
        try {
            transaction.executeWithoutResult(tx -> {
                if (!rows.moveExpectation(was, newDepartment, newUrgency)) {
                    return;
                }
                labelling.validate(new Validation(changed.ticketId(), newDepartment, newUrgency, null,
                        "source-system", now.source().tag(), now.sourceUpdated()));
                events.publishEvent(new CorrectionRecorded(changed.ticketId(), now.source(), was.decisionId(),
                        newDepartment, newUrgency));
            });
            count(now.source(), "recorded");
            log.info("Agent correction on {} ticket {}: department {} -> {}, urgency {} -> {}", now.source().tag(),
                    changed.ticketId(), was.department(), newDepartment, was.urgency(), newUrgency);
        } catch (ProblemException refused) {
            // The label is not one this deployment validates (an urgency outside triage.ingestion.labels), or the
            // ticket was erased meanwhile: nothing to record.
            log.warn("Correction on ticket {} not recorded: {}", changed.ticketId(), refused.getMessage());
            count(now.source(), "refused");
        }
    }

    @Async
    @TransactionalEventListener
    void feedback(CorrectionRecorded correction) {
        String department = correction.department();
        if (department == null) {
            count(correction.source(), "no_department");
            return;
        }
        try {
            calls.call(ClassifyService.CALLS, () -> classify.feedback(new ClassifyService.Feedback(correction.decisionId(),
                    department, correction.urgency(), "ticketing-system")));
            count(correction.source(), "fed_back");
        } catch (HttpClientErrorException e) {
            if (!REFUSALS.contains(e.getStatusCode().value())) {
                throw e;
            }
            log.warn("classify-service refused feedback on decision {}: {}", correction.decisionId(),
                    e.getStatusCode());
            count(correction.source(), "feedback_refused");
        }
    }

    private void count(TicketSource source, String outcome) {
        meters.counter("ingestion_corrections_total", "source", source.tag(), "outcome", outcome).increment();
    }
}
