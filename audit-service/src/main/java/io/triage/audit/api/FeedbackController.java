package io.triage.audit.api;

import jakarta.validation.Valid;

import io.triage.audit.report.DecisionFeedback;
import io.triage.audit.report.FeedbackLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /audit/feedback} (role CLASSIFY_SERVICE: classify-service only): 201 when recorded, 200 for a redelivery. */
@RestController
class FeedbackController {

    private final FeedbackLog feedback;

    FeedbackController(FeedbackLog feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/audit/feedback")
    @PreAuthorize("hasRole('CLASSIFY_SERVICE')")
    ResponseEntity<DecisionFeedback> record(@Valid @RequestBody DecisionFeedback body) {
        return ResponseEntity.status(feedback.record(body) ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }
}
