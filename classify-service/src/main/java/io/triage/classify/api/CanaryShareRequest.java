package io.triage.classify.api;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

/**
 * The canary share an analyst chooses for a STAGING version ({@code PUT /models/{version}/canary}).
 *
 * @param share share of ticket ids the version answers, 0 to {@code triage.classify.models.max-canary-share}
 */
public record CanaryShareRequest(@NotNull @Nullable Double share) {
}
