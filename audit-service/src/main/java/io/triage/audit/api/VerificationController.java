package io.triage.audit.api;

import io.triage.audit.verify.AuditVerification;
import io.triage.audit.verify.VerificationReport;
import io.triage.platform.problem.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /audit/verify?from=&to=}: chain positions, inclusive; both optional (whole live chain). */
@RestController
class VerificationController {

    private final AuditVerification verification;

    VerificationController(AuditVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    VerificationReport verify(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        if (from != null && to != null && to < from) {
            throw new InvalidInputException("to", "'to' must not be before 'from'");
        }
        return verification.verify(from, to);
    }
}
