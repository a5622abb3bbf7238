package io.triage.embedding.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Metadata a hit must match; {@code null} fields do not filter.
 *
 * @param customerId exact customer id
 * @param department exact department label
 * @param urgency exact urgency label
 * @param sentiment exact sentiment label
 * @param createdAfter inclusive lower bound of the ticket's creation time
 * @param createdBefore exclusive upper bound of the ticket's creation time
 */
public record SearchFilter(@Nullable String customerId, @Nullable String department, @Nullable String urgency,
        @Nullable String sentiment, @Nullable Instant createdAfter, @Nullable Instant createdBefore) {

    public static final SearchFilter NONE = new SearchFilter(null, null, null, null, null, null);

    /** The exact-match fields that are set, by their metadata key. */
    public Map<String, String> exactMatches() {
        Map<String, String> matches = new LinkedHashMap<>();
        put(matches, StoreFields.CUSTOMER_ID, customerId);
        put(matches, StoreFields.DEPARTMENT, department);
        put(matches, StoreFields.URGENCY, urgency);
        put(matches, StoreFields.SENTIMENT, sentiment);
        return matches;
    }

    private static void put(Map<String, String> matches, String key, @Nullable String value) {
        if (value != null) {
            matches.put(key, value);
        }
    }
}
