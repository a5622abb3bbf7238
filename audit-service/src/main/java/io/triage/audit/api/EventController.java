package io.triage.audit.api;

import java.util.List;
import java.util.UUID;

import io.triage.audit.chain.Appended;
import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.AuditRecorder;
import io.triage.audit.checkpoint.InclusionProof;
import io.triage.audit.checkpoint.Proofs;
import io.triage.platform.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records decisions (one event → 201 with the stored event, or 200 with the original for a repeated event id;
 * an array → 200 with a {@link BatchReceipt}), and answers for single events and their inclusion proofs.
 */
@RestController
class EventController {

    private final EventParser parser;
    private final AuditRecorder recorder;
    private final AuditLog log;
    private final Proofs proofs;

    EventController(EventParser parser, AuditRecorder recorder, AuditLog log, Proofs proofs) {
        this.parser = parser;
        this.recorder = recorder;
        this.log = log;
        this.proofs = proofs;
    }

    /** The user of every recorded event is the authenticated caller, whatever the body says. */
    @PostMapping("/audit/events")
    @PreAuthorize("hasRole('CLASSIFY_SERVICE')")
    ResponseEntity<?> record(@RequestBody byte[] body, Authentication caller) {
        if (EventParser.isBatch(body)) {
            return ResponseEntity.ok(BatchReceipt.of(recorder.record(parser.batch(body), caller.getName())));
        }
        Appended appended = recorder.record(List.of(parser.single(body)), caller.getName()).getFirst();
        return ResponseEntity.status(appended.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(appended.event());
    }

    @GetMapping("/audit/events/{eventId}")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    AuditEvent event(@PathVariable UUID eventId) {
        return log.findByEventId(eventId).orElseThrow(() -> new NotFoundException("No event " + eventId));
    }

    @GetMapping("/audit/events/{eventId}/proof")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    InclusionProof proof(@PathVariable UUID eventId) {
        return proofs.proof(eventId);
    }
}
