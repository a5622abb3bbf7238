package io.triage.ingestion.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.label.TicketLabelling;
import io.triage.ingestion.label.TicketLabels;
import io.triage.ingestion.label.ValidatedPage;
import io.triage.ingestion.label.Validation;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Validated labels of tickets: classify-service forwards agents' feedback (role CLASSIFY_SERVICE), people correct
 * labels directly (ANALYST; ADMIN implies both), and retraining reads the labelled tickets back with their sanitised
 * text. The ticketing systems' key (CLASSIFIER) can do neither: it would poison the training data.
 */
@RestController
@Tag(name = "labels", description = "Validated labels of tickets, the training data of the weekly retraining")
class LabelController {

    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final TicketLabelling labelling;
    private final IngestionProperties properties;

    LabelController(TicketLabelling labelling, IngestionProperties properties) {
        this.labelling = labelling;
        this.properties = properties;
    }

    /**
     * Body of {@code PUT /tickets/{id}/labels}: at least one label.
     *
     * @param department  the validated department
     * @param urgency     the validated urgency (one of {@code triage.ingestion.labels.urgencies})
     * @param sentiment   the validated sentiment (one of {@code triage.ingestion.labels.sentiments})
     * @param source      where the validation comes from
     * @param validatedBy who validated, when known (deleted with the ticket on erasure)
     * @param validatedAt when it was validated (default: now); send the original time on a redelivery
     */
    record LabelRequest(
            @Nullable @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String department,
            @Nullable @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String urgency,
            @Nullable @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String sentiment,
            @NotBlank @Pattern(regexp = "agent-feedback|source-system|analyst|import",
                    message = "must be agent-feedback, source-system, analyst or import") String source,
            @Nullable @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String validatedBy,
            @Nullable Instant validatedAt) {
    }

    @PutMapping("/tickets/{id}/labels")
    @PreAuthorize("hasAnyRole('CLASSIFY_SERVICE', 'ANALYST')")
    @Operation(summary = "Store the validated labels of a ticket",
            description = "The latest validation (by validatedAt) wins; a redelivery or an older validation "
                    + "changes nothing and answers applied=false. 404 for an unknown or erased ticket.")
    TicketLabels validate(@PathVariable UUID id, @Valid @RequestBody LabelRequest request) {
        if (request.department() == null && request.urgency() == null && request.sentiment() == null) {
            throw new InvalidInputException("department",
                    "at least one of department, urgency, sentiment is required");
        }
        return labelling.validate(new Validation(id, strip(request.department()), strip(request.urgency()),
                strip(request.sentiment()), request.source(), strip(request.validatedBy()),
                request.validatedAt() == null ? Instant.now() : request.validatedAt()));
    }

    @GetMapping("/tickets/validated")
    // OPS and AGENT read the same sanitised text from GET /tickets; the console's review queue skips labelled tickets.
    @PreAuthorize("hasAnyRole('CLASSIFY_SERVICE', 'ANALYST', 'OPS', 'AGENT')")
    @Operation(summary = "Tickets with validated labels, with their sanitised text",
            description = "Keyset-paginated in (validatedAt, id) order; pass 'next' as 'after' for the following "
                    + "page, until 'next' is null. Raw ticket text is never returned.")
    ValidatedPage validated(
            @Parameter(description = "ISO-8601 instant: only tickets validated at or after it", required = true)
            @RequestParam(required = false) @Nullable String since,
            @Parameter(description = "the 'next' cursor of the previous page")
            @RequestParam(required = false) @Nullable String after,
            @Parameter(description = "page size, 1 to triage.ingestion.max-page-size (default 100)")
            @RequestParam(required = false) @Nullable Integer limit) {
        return labelling.validatedSince(instant(since), after, PageSize.of(limit, properties));
    }

    private static Instant instant(@Nullable String since) {
        if (since == null || since.isBlank()) {
            throw new InvalidInputException("since", "since is required, e.g. since=2026-09-01T00:00:00Z");
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "since must be an ISO-8601 instant, e.g. 2026-09-01T00:00:00Z");
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }
}
