package io.triage.console.compliance;

import java.net.URI;
import java.util.UUID;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Compliance page's calls, with the compliance officer's key: the audit chain's verification (audit-service
 * {@code GET /audit/verify}) and an erasure request with its per-store receipts, deadline and signed certificate
 * (gdpr-service {@code GET /gdpr/requests/{id}} and {@code /certificate}). The id is a UUID, so nothing else can be
 * slipped into the service's path.
 */
@RestController
@RequestMapping("/api/compliance")
@PreAuthorize("hasRole('COMPLIANCE')")
class ComplianceController {

    private final Upstream upstream;
    private final URI audit;
    private final URI gdpr;

    ComplianceController(Upstream upstream, ConsoleProperties properties) {
        this.upstream = upstream;
        this.audit = properties.auditService();
        this.gdpr = properties.gdprService();
    }

    @GetMapping("/verification")
    ResponseEntity<String> verify(Authentication caller) {
        return upstream.call(HttpMethod.GET, audit, "/audit/verify", null, caller);
    }

    @GetMapping("/erasures/{id}")
    ResponseEntity<String> erasure(@PathVariable UUID id, Authentication caller) {
        return upstream.call(HttpMethod.GET, gdpr, "/gdpr/requests/" + id, null, caller);
    }

    @GetMapping("/erasures/{id}/certificate")
    ResponseEntity<String> certificate(@PathVariable UUID id, Authentication caller) {
        return upstream.call(HttpMethod.GET, gdpr, "/gdpr/requests/" + id + "/certificate", null, caller);
    }
}
