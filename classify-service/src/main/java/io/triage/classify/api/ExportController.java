package io.triage.classify.api;

import java.util.List;
import java.util.Objects;

import io.triage.classify.export.CustomerDecisions;
import io.triage.classify.export.CustomerExport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/exports} (role GDPR_SERVICE; called by gdpr-service's right-of-access export): the customer's
 * decisions and the feedback on them. Read-only.
 */
@RestController
class ExportController {

    private final CustomerExport export;

    ExportController(CustomerExport export) {
        this.export = export;
    }

    @PostMapping("/internal/exports")
    @PreAuthorize("hasRole('GDPR_SERVICE')")
    CustomerDecisions export(@RequestBody ExportRequest request) {
        request.check();
        return export.of(Objects.requireNonNull(request.customerId()),
                List.copyOf(Objects.requireNonNull(request.ticketIds())));
    }
}
