package io.triage.embedding.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /search}: exactly one of {@code text} and {@code vector}.
 *
 * @param text sanitised text to find similar tickets for
 * @param vector a query vector of the active model's dimension
 * @param k how many neighbours, 1 to 100 (default 5)
 * @param filters exact metadata matches: {@code customerId}, {@code department}, {@code urgency},
 *     {@code sentiment}; ISO-8601 bounds {@code createdAfter} (inclusive), {@code createdBefore} (exclusive)
 * @param includeVector {@code true} to get the query's vector back (the text's encoding, or the vector given), so a
 *     caller can reuse one encoding; default {@code false}
 */
record SearchRequest(@Nullable String text, float @Nullable [] vector, @Nullable Integer k,
        @Nullable Map<String, @Nullable String> filters, @Nullable Boolean includeVector) {
}
