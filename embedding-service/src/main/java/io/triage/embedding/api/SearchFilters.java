package io.triage.embedding.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import io.triage.embedding.store.SearchFilter;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Turns the request's filter map into a {@link SearchFilter}; an unknown key or bad value is a 400 naming it. */
final class SearchFilters {

    static final Set<String> KNOWN = Set.of("customerId", "department", "urgency", "sentiment", "createdAfter",
            "createdBefore");

    private SearchFilters() {
    }

    static SearchFilter parse(@Nullable Map<String, @Nullable String> filters) {
        if (filters == null || filters.isEmpty()) {
            return SearchFilter.NONE;
        }
        for (Map.Entry<String, @Nullable String> filter : filters.entrySet()) {
            if (!KNOWN.contains(filter.getKey())) {
                throw new InvalidInputException("filters." + filter.getKey(), "unknown filter field; known: "
                        + KNOWN.stream().sorted().toList());
            }
            String value = filter.getValue();
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("filters." + filter.getKey(), "must not be blank");
            }
        }
        return new SearchFilter(filters.get("customerId"), filters.get("department"), filters.get("urgency"),
                filters.get("sentiment"), instant(filters, "createdAfter"), instant(filters, "createdBefore"));
    }

    private static @Nullable Instant instant(Map<String, @Nullable String> filters, String key) {
        String value = filters.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("filters." + key, "must be an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z");
        }
    }
}
