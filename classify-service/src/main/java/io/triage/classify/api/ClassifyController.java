package io.triage.classify.api;

import java.util.List;

import io.triage.classify.chain.TicketInput;
import io.triage.classify.chain.TierChain;
import io.triage.classify.tier.ClassificationResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /classify} and {@code POST /batch-classify} (role classifier): the full tier chain. Bad input is a
 * 400 (413 for oversized text) naming the field; a dependency that is down makes a degraded answer, not an error.
 */
@RestController
class ClassifyController {

    private final TierChain chain;

    ClassifyController(TierChain chain) {
        this.chain = chain;
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
    @PreAuthorize("hasRole('CLASSIFIER')")
    ClassificationResult classify(@RequestBody TicketInput ticket) {
        return chain.classify(ticket);
    }

    @PostMapping("/batch-classify")
    @PreAuthorize("hasRole('CLASSIFIER')")
    BatchResult classifyAll(@RequestBody Batch batch) {
        return new BatchResult(chain.classifyAll(batch.tickets()));
    }
}
