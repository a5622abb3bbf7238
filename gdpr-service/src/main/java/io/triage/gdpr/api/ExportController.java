package io.triage.gdpr.api;

import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.triage.gdpr.export.CustomerExport;
import io.triage.gdpr.export.CustomerExports;
import io.triage.gdpr.export.ExportRequested;
import io.triage.platform.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Right of access (Art. 15): an export is a job (202 + Location), run in the background; its data is served once
 * it is DONE, until it expires.
 */
@RestController
class ExportController {

    private final ExportRequested requested;
    private final CustomerExports exports;

    ExportController(ExportRequested requested, CustomerExports exports) {
        this.requested = requested;
        this.exports = exports;
    }

    record ExportCustomerData(@NotBlank @Size(max = 128) String customerId) {
    }

    @PostMapping("/gdpr/export-customer-data")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<CustomerExport> export(@Valid @RequestBody ExportCustomerData body, Principal caller) {
        CustomerExport export = requested.request(body.customerId(), caller.getName());
        return ResponseEntity.accepted().location(URI.create("/gdpr/exports/" + export.id())).body(export);
    }

    @GetMapping("/gdpr/exports/{id}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    CustomerExport get(@PathVariable UUID id) {
        return exports.find(id).orElseThrow(() -> notFound(id));
    }

    /** The customer's data: 409 problem until the export is DONE, 404 once it has expired. */
    @GetMapping("/gdpr/exports/{id}/data")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<byte[]> data(@PathVariable UUID id) {
        byte[] document = exports.data(id).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"export-" + id + ".json\"")
                .header("Cache-Control", "no-store").body(document);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No export " + id + " (unknown, or expired and deleted)");
    }
}
