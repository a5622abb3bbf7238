package io.triage.gdpr.api;

import java.util.List;
import java.util.UUID;

import io.triage.gdpr.certificate.Certificates;
import io.triage.gdpr.certificate.SigningKeys;
import io.triage.platform.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Certificates of erasure and the public keys that check them. */
@RestController
class CertificateController {

    private final Certificates certificates;
    private final SigningKeys keys;

    CertificateController(Certificates certificates, SigningKeys keys) {
        this.certificates = certificates;
        this.keys = keys;
    }

    record PublishedKeys(List<SigningKeys.PublishedKey> keys) {
    }

    /** The signed certificate, byte for byte as issued (it verifies as served); 404 until the request is complete. */
    @GetMapping("/gdpr/requests/{id}/certificate")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<String> certificate(@PathVariable UUID id) {
        return certificates.find(id)
                .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body))
                .orElseThrow(() -> new NotFoundException("No certificate for request " + id
                        + ": it is unknown or not complete yet"));
    }

    /** Public keys, for anyone authenticated: a certificate is checked by whoever receives it. */
    @GetMapping("/gdpr/certificate-keys")
    PublishedKeys keys() {
        return new PublishedKeys(keys.published());
    }
}
