package io.triage.console.review;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.review.ReviewQueue.Items;
import io.triage.console.review.ReviewQueue.Refused;
import io.triage.console.upstream.Upstream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue, for the service desk's agents (role AGENT, which ADMIN implies): ingestion-service lets them read
 * recent tickets' sanitised text and decisions, classify-service lets them correct any decision, whichever system asked
 * for it (a ticketing system's CLASSIFIER key corrects only its own).
 * Feedback goes to classify-service's {@code POST /feedback}, which records it and carries the label on to
 * ingestion-service (validated labels), the cache's and the rules' accuracy.
 */
@RestController
@RequestMapping("/api/review")
@PreAuthorize("hasRole('AGENT')")
class ReviewController {

    private final ReviewQueue queue;
    private final Upstream upstream;
    private final URI classify;

    ReviewController(ReviewQueue queue, Upstream upstream, ConsoleProperties properties) {
        this.queue = queue;
        this.upstream = upstream;
        this.classify = properties.classifyService();
    }

    /** Body of {@code POST /api/review/feedback}: the decision and the department the agent chose. */
    record Verdict(@Nullable String decisionId, @Nullable String department) {
    }

    @GetMapping
    ResponseEntity<?> pending(Authentication caller) {
        return switch (queue.pending(caller)) {
            case Items items -> ResponseEntity.ok(items);
            case Refused refused -> refused.answer();
        };
    }

    @PostMapping("/feedback")
    ResponseEntity<String> feedback(@RequestBody Verdict verdict, Authentication caller) {
        Map<String, @Nullable Object> feedback = new LinkedHashMap<>();
        feedback.put("decisionId", verdict.decisionId());
        feedback.put("department", verdict.department());
        feedback.put("source", "agent");
        return upstream.call(HttpMethod.POST, classify, "/feedback", feedback, caller);
    }
}
