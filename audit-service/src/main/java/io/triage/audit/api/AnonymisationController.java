package io.triage.audit.api;

import jakarta.validation.Valid;

import io.triage.audit.erasure.Anonymisation;
import io.triage.audit.erasure.Anonymiser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /audit/anonymise} (role GDPR_SERVICE: gdpr-service only). */
@RestController
class AnonymisationController {

    private final Anonymiser anonymiser;

    AnonymisationController(Anonymiser anonymiser) {
        this.anonymiser = anonymiser;
    }

    @PostMapping("/audit/anonymise")
    @PreAuthorize("hasRole('GDPR_SERVICE')")
    Anonymisation.Receipt anonymise(@Valid @RequestBody Anonymisation request) {
        return anonymiser.anonymise(request);
    }
}
