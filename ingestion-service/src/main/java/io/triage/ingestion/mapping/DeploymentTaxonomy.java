package io.triage.ingestion.mapping;

import java.util.List;
import java.util.Optional;

import io.triage.ingestion.flow.ClassifyService;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The deployment's taxonomy, asked of classify-service each time a mapping is checked (rarely: a draft saved, a
 * publish), so a promotion there is seen at once. Through {@link ResilientCalls} like the ticket flow's calls.
 */
@Component
class DeploymentTaxonomy {

    private static final Logger log = LoggerFactory.getLogger(DeploymentTaxonomy.class);

    private final ClassifyService classify;
    private final ResilientCalls calls;

    DeploymentTaxonomy(ClassifyService classify, ResilientCalls calls) {
        this.classify = classify;
        this.calls = calls;
    }

    /** The taxonomy; a 503 ProblemDetail when classify-service cannot answer it. */
    Taxonomy require() {
        return current().orElseThrow(() -> new UnavailableException(
                "classify-service cannot be reached for the taxonomy, so the mapping's departments and urgencies "
                        + "cannot be checked; try again later"));
    }

    /** The taxonomy, or empty when classify-service cannot answer it now. */
    Optional<Taxonomy> current() {
        try {
            ClassifyService.Taxonomy answer = calls.call(ClassifyService.CALLS, classify::taxonomy);
            return Optional.of(Taxonomy.of(orEmpty(answer.departments()), orEmpty(answer.urgencies())));
        } catch (UnavailableException | RestClientException e) {
            // Down, or an older classify-service without GET /taxonomy (404): the caller decides what that means.
            log.warn("classify-service's taxonomy is unavailable: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static List<String> orEmpty(@Nullable List<String> labels) {
        return labels == null ? List.of() : labels;
    }
}
