package io.triage.embedding.api;

import java.util.List;

import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.store.SearchFilter;
import io.triage.embedding.store.VectorMatch;
import io.triage.embedding.ticket.SimilarTickets;
import io.triage.platform.problem.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Finds the tickets most similar to a text or a vector (semantic cache and RAG examples for classify-service). */
@RestController
class SearchController {

    static final int MAX_K = 100;

    private final SimilarTickets similar;
    private final EmbeddingModel model;
    private final ApiProperties properties;

    SearchController(SimilarTickets similar, EmbeddingModel model, ApiProperties properties) {
        this.similar = similar;
        this.model = model;
        this.properties = properties;
    }

    @PostMapping("/search")
    @PreAuthorize("hasAnyRole('CLASSIFIER', 'ANALYST')")
    SearchResponse search(@RequestBody SearchRequest request) {
        int k = request.k() == null ? 5 : request.k();
        if (k < 1 || k > MAX_K) {
            throw new InvalidInputException("k", "must be between 1 and " + MAX_K);
        }
        SearchFilter filter = SearchFilters.parse(request.filters());
        boolean hasText = request.text() != null;
        boolean hasVector = request.vector() != null;
        if (hasText == hasVector) {
            throw new InvalidInputException("text", "give exactly one of text and vector");
        }
        if (hasText && request.text().isBlank()) {
            throw new InvalidInputException("text", "must not be empty");
        }
        if (hasVector && request.vector().length != model.dimension()) {
            throw new InvalidInputException("vector", "must have " + model.dimension() + " dimensions (model "
                    + model.name() + "), not " + request.vector().length);
        }
        List<VectorMatch> matches = Unavailability.guard(properties.storeRetryAfter(), () -> hasText
                ? similar.byText(request.text(), k, filter)
                : similar.byVector(request.vector(), k, filter));
        return new SearchResponse(model.name(), matches);
    }

    /**
     * The neighbours, most similar first.
     *
     * @param model the embedding model the index holds
     * @param matches ticket ids with cosine similarity and metadata
     */
    record SearchResponse(String model, List<VectorMatch> matches) {
    }
}
