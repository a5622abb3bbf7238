package io.triage.embedding.api;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.store.SearchFilter;
import io.triage.embedding.store.VectorMatch;
import io.triage.embedding.ticket.SimilarTickets;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
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
    @PreAuthorize("hasAnyRole('CLASSIFY_SERVICE', 'ANALYST')")
    SearchResponse search(@RequestBody SearchRequest request) {
        int k = request.k() == null ? 5 : request.k();
        if (k < 1 || k > MAX_K) {
            throw new InvalidInputException("k", "must be between 1 and " + MAX_K);
        }
        SearchFilter filter = SearchFilters.parse(request.filters());
        @Nullable String text = request.text();
        float @Nullable [] vector = request.vector();
        Supplier<float[]> query;
        if (text != null && vector == null) {
            if (text.isBlank()) {
                throw new InvalidInputException("text", "must not be empty");
            }
            query = () -> model.embedQuery(text);
        } else if (vector != null && text == null) {
            if (vector.length != model.dimension()) {
                throw new InvalidInputException("vector", "must have " + model.dimension() + " dimensions (model "
                        + model.name() + "), not " + vector.length);
            }
            query = () -> vector;
        } else {
            throw new InvalidInputException("text", "give exactly one of text and vector");
        }
        return Unavailability.guard(properties.storeRetryAfter(), () -> {
            float[] encoded = query.get();
            List<VectorMatch> matches = similar.byVector(encoded, k, filter);
            return new SearchResponse(model.name(), matches,
                    Boolean.TRUE.equals(request.includeVector()) ? encoded : null);
        });
    }

    /**
     * The neighbours, most similar first.
     *
     * @param model the embedding model the index holds (and that encoded {@code vector})
     * @param matches ticket ids with cosine similarity and metadata
     * @param vector the query's unit-length vector, only when asked for with {@code includeVector}
     */
    record SearchResponse(String model, List<VectorMatch> matches,
            @JsonInclude(JsonInclude.Include.NON_NULL) float @Nullable [] vector) {
    }
}
