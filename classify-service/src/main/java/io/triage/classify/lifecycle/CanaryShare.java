package io.triage.classify.lifecycle;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The share of ticket ids a STAGING version answers, as serving uses it.
 *
 * @param version the STAGING version
 * @param share   0 to {@code max-canary-share}; 0 keeps the version staged but answering nothing
 * @param setBy   the analyst who chose it (an API key's holder or a token's subject); null while the configured
 *                default ({@code triage.classify.models.canary-share}) applies
 * @param setAt   when it was chosen; null for the default
 */
public record CanaryShare(long version, double share, @Nullable String setBy, @Nullable Instant setAt) {
}
