package io.triage.ingestion.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.triage.ingestion.export.CustomerData;
import io.triage.ingestion.export.CustomerExport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/exports} (role GDPR_SERVICE; called by gdpr-service's right-of-access export): the customer's
 * tickets, raw and sanitised, with their validated labels. A POST because the customer id is personal data and must
 * not end up in a URL (access logs, traces).
 */
@RestController
class ExportController {

    private final CustomerExport export;

    ExportController(CustomerExport export) {
        this.export = export;
    }

    record ExportRequest(@NotBlank @Size(max = 128) String customerId) {
    }

    @PostMapping("/internal/exports")
    @PreAuthorize("hasRole('GDPR_SERVICE')")
    CustomerData export(@Valid @RequestBody ExportRequest request) {
        return export.of(request.customerId());
    }
}
