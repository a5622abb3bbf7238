package io.triage.classify.taxonomy;

import org.springframework.stereotype.Component;

/**
 * The labels as they are now: configuration, with each head the production model serves replaced by its labels.
 * {@link #current()} is on the hot path (validation, the LLM's schema and prompt): it reads the production model's
 * heads (a field read) and rebuilds the labels only when production changed since the last call, so a promotion or
 * rollback is followed from the first request after model serving swapped the model, without a database query.
 */
@Component
public class Taxonomy {

    private final TaxonomyProperties configured;
    private final ServedLabels served;
    private volatile Labels current;

    public Taxonomy(TaxonomyProperties configured, ServedLabels served) {
        this.configured = configured;
        this.served = served;
        this.current = Labels.of(configured, ModelHeads.NONE);
    }

    /** The labels for this call; callers read it once per request, so one request sees one consistent set. */
    public Labels current() {
        ModelHeads production = served.production();
        Labels labels = current;
        if (labels.served() == production) {
            return labels;
        }
        // Two requests may both rebuild after a swap; both build the same value, so the last write is as good.
        Labels rebuilt = Labels.of(configured, production);
        current = rebuilt;
        return rebuilt;
    }
}
