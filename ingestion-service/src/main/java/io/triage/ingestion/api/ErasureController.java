package io.triage.ingestion.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.triage.ingestion.erasure.ErasureReceipt;
import io.triage.ingestion.erasure.ErasureService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Called by gdpr-service (role COMPLIANCE); idempotent on the request id. */
@RestController
class ErasureController {

    private final ErasureService erasures;

    ErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    record ErasureRequest(@NotNull UUID requestId, @NotBlank @Size(max = 128) String customerId) {
    }

    @PostMapping("/internal/erasures")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ErasureReceipt erase(@Valid @RequestBody ErasureRequest request) {
        return erasures.apply(request.requestId(), request.customerId());
    }
}
