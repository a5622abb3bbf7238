package io.triage.classify.api;

import java.util.List;
import java.util.Objects;

import io.triage.classify.erasure.CustomerErasure;
import io.triage.classify.erasure.ErasureReceipt;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/erasures} (role GDPR_SERVICE: gdpr-service only): erases a customer's data in
 * classify-service and answers the receipt; idempotent on the request id ({@code replayed: true} on a repeat).
 */
@RestController
class ErasureController {

    private final CustomerErasure erasure;

    ErasureController(CustomerErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/internal/erasures")
    @PreAuthorize("hasRole('GDPR_SERVICE')")
    ErasureReceipt erase(@RequestBody ErasureRequest request) {
        request.check();
        return erasure.apply(Objects.requireNonNull(request.requestId()),
                Objects.requireNonNull(request.customerId()), List.copyOf(Objects.requireNonNull(request.ticketIds())));
    }
}
