package io.triage.ingestion.api;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The {@code limit} of a listing: the configured default when absent, 400 naming it when out of range. */
final class PageSize {

    private PageSize() {
    }

    static int of(@Nullable Integer limit, IngestionProperties properties) {
        int size = limit == null ? properties.defaultPageSize() : limit;
        if (size < 1 || size > properties.maxPageSize()) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + properties.maxPageSize());
        }
        return size;
    }
}
