package io.triage.gdpr.api;

import java.security.Principal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.triage.gdpr.erasure.DeletionRequest;
import io.triage.gdpr.erasure.DeletionRequests;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** GDPR erasure: accepted at once (202), applied by every store asynchronously, tracked by request id. */
@RestController
class GdprController {

    private final DeletionRequests requests;

    GdprController(DeletionRequests requests) {
        this.requests = requests;
    }

    record DeleteCustomerData(@NotBlank @Size(max = 128) String customerId, @Nullable @Size(max = 1000) String reason) {
    }

    @PostMapping("/gdpr/delete-customer-data")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('COMPLIANCE')")
    DeletionRequest delete(@Valid @RequestBody DeleteCustomerData body, Principal caller) {
        return requests.request(body.customerId(), caller.getName(), body.reason());
    }

    @GetMapping("/gdpr/requests/{id}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    DeletionRequest get(@PathVariable UUID id) {
        return requests.find(id).orElseThrow(() -> new NotFoundException("No deletion request " + id));
    }
}
