package io.triage.classify.api;

import java.util.List;

import jakarta.validation.Valid;

import io.triage.classify.feedback.AccuracyBoard;
import io.triage.classify.feedback.Feedback;
import io.triage.classify.feedback.FeedbackReceipt;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /feedback} (role CLASSIFIER: agents' tools and the ticketing system; INGESTION_SERVICE: corrections
 * from the sources), on the caller's own decisions only (another caller's decision is 404; ADMIN may correct any):
 * 201 when applied, 200 when the decision already had feedback. {@code GET /feedback/accuracy} (ops, analyst):
 * accuracy per tier, head and class.
 */
@RestController
class FeedbackController {

    private final Feedback feedback;
    private final AccuracyBoard board;

    FeedbackController(Feedback feedback, AccuracyBoard board) {
        this.feedback = feedback;
        this.board = board;
    }

    @PostMapping("/feedback")
    @PreAuthorize("hasAnyRole('CLASSIFIER', 'INGESTION_SERVICE', 'AGENT')")
    ResponseEntity<FeedbackReceipt> record(@Valid @RequestBody FeedbackRequest request, Authentication caller) {
        // A ticketing system corrects only the decisions it asked for; administrators and the service desk's agents
        // (the console's review queue) correct any.
        boolean anyDecision = caller.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()) || "ROLE_AGENT".equals(a.getAuthority()));
        FeedbackReceipt receipt = feedback.record(request.correction(),
                new Feedback.Caller(caller.getName(), anyDecision));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @GetMapping("/feedback/accuracy")
    @PreAuthorize("hasAnyRole('OPS', 'ANALYST')")
    List<AccuracyBoard.Accuracy> accuracy() {
        return board.refresh();
    }
}
