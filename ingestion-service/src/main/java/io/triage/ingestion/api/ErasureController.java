package io.triage.ingestion.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.triage.ingestion.erasure.ErasureReceipt;
import io.triage.ingestion.erasure.ErasureService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Called by gdpr-service (role GDPR_SERVICE, no one else); idempotent on the request id. */
@RestController
class ErasureController {

    private final ErasureService erasures;

    ErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    record ErasureRequest(@NotNull UUID requestId, @NotBlank @Size(max = 128) String customerId) {
    }

    @PostMapping("/internal/erasures")
    @PreAuthorize("hasRole('GDPR_SERVICE')")
    ErasureReceipt erase(@Valid @RequestBody ErasureRequest request) {
        return erasures.apply(request.requestId(), request.customerId());
    }

    /**
     * gdpr-service has recorded the receipt (and its ticket ids): the ids kept here for a replay are dropped. A later
     * replay answers the count without ids. Idempotent: 204 whether or not ids were still kept; 404 for an unknown
     * request.
     */
    @DeleteMapping("/internal/erasures/{requestId}/ticket-ids")
    @PreAuthorize("hasRole('GDPR_SERVICE')")
    ResponseEntity<Void> releaseTicketIds(@PathVariable UUID requestId) {
        return erasures.releaseTicketIds(requestId)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
