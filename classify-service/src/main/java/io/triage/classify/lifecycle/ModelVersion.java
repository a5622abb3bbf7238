package io.triage.classify.lifecycle;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registered model version (without its artifact bytes).
 *
 * @param version        registry version number, increasing
 * @param runId          the training run that produced it
 * @param stage          current stage
 * @param macroF1        mean macro-F1 over its heads on its own test split
 * @param baselineF1     the production model's macro-F1 on the same test split, when there was one
 * @param decision       why it got its first stage, in words
 * @param artifactSha256 checksum the loader verifies
 * @param createdAt      registration time
 * @param stageChangedAt last stage change
 * @param retiredAt      when it was retired (stage RETIRED, artifact deleted), if it was
 * @param canary         for a STAGING version in the registry's listing, the share of tickets it answers (chosen or
 *                       the default); null otherwise
 */
public record ModelVersion(long version, UUID runId, Stage stage, double macroF1, @Nullable Double baselineF1,
        String decision, String artifactSha256, Instant createdAt, Instant stageChangedAt,
        @Nullable Instant retiredAt, @Nullable CanaryShare canary) {

    /** A version as a registry stores it: the canary share lives beside the registry, not in it. */
    public ModelVersion(long version, UUID runId, Stage stage, double macroF1, @Nullable Double baselineF1,
            String decision, String artifactSha256, Instant createdAt, Instant stageChangedAt,
            @Nullable Instant retiredAt) {
        this(version, runId, stage, macroF1, baselineF1, decision, artifactSha256, createdAt, stageChangedAt,
                retiredAt, null);
    }

    /** This version with the canary share it answers. */
    public ModelVersion withCanary(CanaryShare share) {
        return new ModelVersion(version, runId, stage, macroF1, baselineF1, decision, artifactSha256, createdAt,
                stageChangedAt, retiredAt, share);
    }
}
