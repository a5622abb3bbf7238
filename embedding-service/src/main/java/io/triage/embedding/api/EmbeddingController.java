package io.triage.embedding.api;

import jakarta.validation.Valid;

import io.triage.embedding.ticket.EmbeddingPipeline;
import io.triage.embedding.ticket.IngestResult;
import io.triage.embedding.ticket.StoredEmbedding;
import io.triage.embedding.store.TicketMetadata;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Writes embeddings: batches of sanitised tickets (idempotent) and labels learnt later. */
@RestController
class EmbeddingController {

    private final EmbeddingPipeline pipeline;
    private final ApiProperties properties;

    EmbeddingController(EmbeddingPipeline pipeline, ApiProperties properties) {
        this.pipeline = pipeline;
        this.properties = properties;
    }

    @PostMapping("/embeddings")
    @PreAuthorize("hasAnyRole('INGESTION_SERVICE', 'OPS')")
    IngestResult embed(@Valid @RequestBody EmbedRequest request) {
        if (request.tickets().size() > properties.maxTicketsPerRequest()) {
            throw new InvalidInputException("tickets", "at most " + properties.maxTicketsPerRequest()
                    + " tickets per request");
        }
        return Unavailability.guard(properties.storeRetryAfter(), () -> pipeline.ingest(request.tickets()));
    }

    @PatchMapping("/embeddings/{ticketId}/labels")
    @PreAuthorize("hasAnyRole('CLASSIFY_SERVICE', 'OPS')")
    LabelledTicket relabel(@PathVariable String ticketId, @Valid @RequestBody LabelsRequest labels) {
        if (labels.department() == null && labels.urgency() == null && labels.sentiment() == null) {
            throw new InvalidInputException("department", "give at least one of department, urgency, sentiment");
        }
        StoredEmbedding row = Unavailability.guard(properties.storeRetryAfter(),
                () -> pipeline.relabel(ticketId, labels.department(), labels.urgency(), labels.sentiment()))
                .orElseThrow(() -> new NotFoundException("No embedding for ticket " + ticketId));
        return new LabelledTicket(row.ticketId(), row.metadata());
    }

    /**
     * A ticket's metadata after a label change.
     *
     * @param ticketId the ticket
     * @param metadata its stored metadata
     */
    record LabelledTicket(String ticketId, TicketMetadata metadata) {
    }
}
