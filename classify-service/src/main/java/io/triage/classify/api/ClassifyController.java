package io.triage.classify.api;

import java.util.List;

import io.triage.classify.chain.Admission;
import io.triage.classify.chain.TicketInput;
import io.triage.classify.chain.TierChain;
import io.triage.classify.decision.IdempotentRequest;
import io.triage.classify.decision.LoggedDecision;
import io.triage.classify.tier.ClassificationResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /classify} and {@code POST /batch-classify} (role CLASSIFIER; ingestion-service's INGESTION_SERVICE
 * for {@code /classify} of stored tickets): the full tier chain. Bad input is a
 * 400 (413 for oversized text) naming the field; a dependency that is down makes a degraded answer, not an error.
 *
 * <p>{@code /classify} takes an optional {@code Idempotency-Key} header (1 to 200 printable ASCII characters, else
 * 400 naming it): a repeat of the request with the same key is answered with the stored answer (same decision id)
 * and {@code Idempotent-Replayed: true}, without classifying, logging or auditing again; the key sent with another
 * ticket is a 422. Concurrent first requests with one key log one decision; the others answer it, replayed.
 *
 * <p>Both are bounded by {@link Admission}: beyond {@code triage.classify.admission.max-concurrent} requests at
 * once, the excess is refused with 503 and {@code Retry-After} instead of slowing every request down.
 */
@RestController
class ClassifyController {

    private final TierChain chain;
    private final Admission admission;

    ClassifyController(TierChain chain, Admission admission) {
        this.chain = chain;
        this.admission = admission;
    }

    /**
     * Body of {@code /batch-classify}.
     *
     * @param tickets up to 1,000 tickets
     */
    record Batch(@Nullable List<TicketInput> tickets) {
    }

    /**
     * Answer of {@code /batch-classify}, in request order.
     *
     * @param results one answer per ticket
     */
    record BatchResult(List<ClassificationResult> results) {
    }

    @PostMapping("/classify")
    @PreAuthorize("hasAnyRole('CLASSIFIER', 'INGESTION_SERVICE')")
    ResponseEntity<ClassificationResult> classify(@RequestBody TicketInput ticket,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String idempotencyKey) {
        return admission.admit(() -> classifyAdmitted(ticket, idempotencyKey));
    }

    private ResponseEntity<ClassificationResult> classifyAdmitted(TicketInput ticket,
            @Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            return ResponseEntity.ok(chain.classify(ticket));
        }
        LoggedDecision decision = chain.classify(ticket, idempotencyKey);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (decision.replayed()) {
            ok.header(IdempotentRequest.REPLAYED_HEADER, "true");
        }
        return ok.body(decision.result());
    }

    @PostMapping("/batch-classify")
    @PreAuthorize("hasRole('CLASSIFIER')")
    BatchResult classifyAll(@RequestBody Batch batch) {
        return admission.admit(() -> new BatchResult(chain.classifyAll(batch.tickets())));
    }
}
