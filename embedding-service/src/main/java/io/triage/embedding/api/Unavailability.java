package io.triage.embedding.api;

import java.time.Duration;
import java.util.function.Supplier;

import io.triage.embedding.model.ModelUnavailableException;
import io.triage.embedding.store.StoreUnavailableException;
import io.triage.platform.problem.UnavailableException;

/** Translates an unavailable store or model into 503 with {@code Retry-After}; nothing was written in that case. */
final class Unavailability {

    private Unavailability() {
    }

    static <T> T guard(Duration retryAfter, Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw new UnavailableException("The vector store is unavailable; nothing was changed", retryAfter);
        } catch (ModelUnavailableException e) {
            throw new UnavailableException("The embedding model is unavailable; nothing was changed", retryAfter);
        }
    }
}
