package io.triage.classify.cache;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * embedding-service as classify-service uses it (base URL, timeouts and key:
 * {@code spring.http.serviceclient.embedding}). Only the fields used here are declared.
 */
@HttpExchange
public interface SimilarTicketSearch {

    /**
     * A nearest-neighbour query by sanitised text.
     *
     * @param text          sanitised ticket text
     * @param k             how many neighbours
     * @param includeVector {@code true} to get the text's vector back (omitted otherwise: 384 floats of JSON per
     *                      lookup cost CPU on both sides)
     */
    record Query(String text, int k, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean includeVector) {

        Query(String text, int k) {
            this(text, k, null);
        }
    }

    /**
     * The labels stored beside a historical ticket's vector.
     *
     * @param department department label, once known
     * @param urgency    urgency label, once known
     * @param sentiment  sentiment label, once known
     */
    record Metadata(@Nullable String department, @Nullable String urgency, @Nullable String sentiment) {
    }

    /**
     * One neighbour.
     *
     * @param ticketId   the historical ticket
     * @param similarity cosine similarity
     * @param metadata   its labels
     * @param text       its sanitised text, if the service returns it
     */
    record Match(String ticketId, double similarity, @Nullable Metadata metadata, @Nullable String text) {
    }

    /**
     * The neighbours, most similar first.
     *
     * @param matches the hits
     * @param model   the embedding model that encoded the query
     * @param vector  the query's unit-length vector, when asked for with {@code includeVector}
     */
    record Matches(@Nullable List<Match> matches, @Nullable String model, float @Nullable [] vector) {
    }

    /**
     * Labels learnt from feedback; absent ones stay as they are.
     *
     * @param department department label
     * @param urgency    urgency label
     * @param sentiment  sentiment label
     */
    record Labels(@Nullable String department, @Nullable String urgency, @Nullable String sentiment) {
    }

    @PostExchange("/search")
    Matches search(@RequestBody Query query);

    @PatchExchange("/embeddings/{ticketId}/labels")
    void relabel(@PathVariable String ticketId, @RequestBody Labels labels);
}
