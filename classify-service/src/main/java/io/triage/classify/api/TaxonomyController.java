package io.triage.classify.api;

import java.util.List;
import java.util.Map;

import io.triage.classify.taxonomy.Labels;
import io.triage.classify.taxonomy.Taxonomy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /taxonomy} (every role): the labels tickets are classified into and the channels they may name, as
 * they are now, with the origin of each list. ingestion-service reads it (its own key) to check field mappings.
 */
@RestController
class TaxonomyController {

    private final Taxonomy taxonomy;

    TaxonomyController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * The taxonomy.
     *
     * @param departments departments
     * @param urgencies   urgencies
     * @param sentiments  sentiments
     * @param channels    accepted channels
     * @param origins     per head and {@code channel}: {@code model:<version>} or {@code configuration}
     */
    record TaxonomyView(List<String> departments, List<String> urgencies, List<String> sentiments,
            List<String> channels, Map<String, String> origins) {
    }

    @GetMapping("/taxonomy")
    @PreAuthorize("isAuthenticated()")
    TaxonomyView taxonomy() {
        Labels labels = taxonomy.current();
        return new TaxonomyView(labels.departments(), labels.urgencies(), labels.sentiments(), labels.channels(),
                labels.origins());
    }
}
