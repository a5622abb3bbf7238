package io.triage.ingestion.label;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import io.triage.platform.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validated labels: stores the latest validation of each ticket (idempotent on redelivery, an older validation
 * never replaces a newer one) and pages through the labelled tickets with their sanitised text, for retraining.
 * Counts stored validations as {@code ingestion_validated_labels_stored_total{source}}.
 */
@Service
public class TicketLabelling {

    private final LabelRepository labels;
    private final IngestionProperties.Labels settings;
    private final MeterRegistry meters;

    TicketLabelling(LabelRepository labels, IngestionProperties properties, MeterRegistry meters) {
        this.labels = labels;
        this.settings = properties.labels();
        this.meters = meters;
    }

    @Transactional
    public TicketLabels validate(Validation validation) {
        checkKnown("urgency", validation.urgency(), settings.urgencies());
        checkKnown("sentiment", validation.sentiment(), settings.sentiments());
        if (validation.validatedAt().isAfter(Instant.now().plus(settings.maxClockSkew()))) {
            throw new InvalidInputException("validatedAt", "validatedAt lies in the future");
        }
        // Postgres keeps microseconds: truncating first makes a redelivery compare equal to the stored row.
        Validation stored = new Validation(validation.ticketId(), validation.department(), validation.urgency(),
                validation.sentiment(), validation.source(), validation.validatedBy(),
                validation.validatedAt().truncatedTo(ChronoUnit.MICROS));
        boolean applied;
        try {
            applied = labels.store(stored);
        } catch (DataIntegrityViolationException e) {
            // The ticket was erased between the lookup and the insert.
            throw noTicket(validation.ticketId());
        }
        if (applied) {
            Counter.builder("ingestion.validated.labels.stored")
                    .description("Validations of ticket labels stored (redeliveries and older ones not counted)")
                    .tag("source", validation.source())
                    .register(meters)
                    .increment();
        }
        return labels.current(validation.ticketId(), applied).orElseThrow(() -> noTicket(validation.ticketId()));
    }

    /** One page of tickets validated at or after {@code since}; {@code after} is a cursor from an earlier page. */
    public ValidatedPage validatedSince(Instant since, @Nullable String after, int limit) {
        LabelCursor cursor = null;
        if (after != null) {
            try {
                cursor = LabelCursor.decode(after);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("after", "after must be a 'next' cursor returned by an earlier page");
            }
        }
        List<ValidatedTicket> items = labels.validatedSince(since, cursor, limit);
        String next = items.size() < limit ? null : LabelCursor.after(items.getLast()).encode();
        return new ValidatedPage(items, next);
    }

    private static void checkKnown(String field, @Nullable String value, List<String> known) {
        if (value != null && !known.isEmpty() && !known.contains(value)) {
            throw new InvalidInputException(field, field + " must be one of " + known);
        }
    }

    private static ProblemException noTicket(UUID ticketId) {
        return new NotFoundException("No ticket " + ticketId + " (never received, or erased)");
    }
}
