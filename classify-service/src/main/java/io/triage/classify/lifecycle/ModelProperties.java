package io.triage.classify.lifecycle;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ML tier's training, registry and serving ({@code triage.classify.models.*}).
 *
 * @param pollInterval     how often every replica asks the registry for new production/staging versions
 * @param canaryShare      share of tickets (by stable hash of the ticket id) answered by the staging version
 *                         while no analyst has chosen one for it ({@code PUT /models/{version}/canary})
 * @param maxCanaryShare   the largest share an analyst may choose for a staging version (at most 1)
 * @param promotionMargin  a retrained model reaches staging only when its macro-F1 beats production's on the same
 *                         test split by more than this
 * @param targetPrecision  per-class thresholds are chosen on the validation split to reach this precision
 * @param c                logistic-regression C (inverse regularisation)
 * @param maxIter          solver iteration limit
 * @param seed             seed of the stratified 70/15/15 split
 * @param minClassExamples classes with fewer examples are merged into "other" or dropped
 * @param sentenceEncoder  encoder of the combined model trained beside TF-IDF + LR (kept when it wins on
 *                         validation); {@code none} trains TF-IDF + LR only
 * @param noveltyShare     the combined model asks for review below the similarity under which this share of
 *                         validation texts lies (text unlike any training example); 0 turns it off
 * @param retraining       the weekly retraining job
 * @param retirementWindow a model version trained on an erased customer's text is retired (retrained without it,
 *                         its artifact deleted) within this long after the erasure
 * @param retirementCron   when the retirement job looks for versions to retire, in UTC (Spring cron); it retires
 *                         every pending one, so any schedule well inside {@code retirement-window} meets it
 * @param jobs             how training and retraining jobs run in the background
 */
@ConfigurationProperties("triage.classify.models")
public record ModelProperties(
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("0.10") double canaryShare,
        @DefaultValue("0.50") double maxCanaryShare,
        @DefaultValue("0.02") double promotionMargin,
        @DefaultValue("0.95") double targetPrecision,
        @DefaultValue("10") double c,
        @DefaultValue("1000") int maxIter,
        @DefaultValue("42") long seed,
        @DefaultValue("10") int minClassExamples,
        @DefaultValue("bge-small-en-v1.5-q") String sentenceEncoder,
        @DefaultValue("0.01") double noveltyShare,
        @DefaultValue Retraining retraining,
        @DefaultValue("30d") Duration retirementWindow,
        @DefaultValue("0 30 3 * * *") String retirementCron,
        @DefaultValue Jobs jobs) {

    /** Refuses, at start-up, shares that cannot be routed by: both within 0..1, the default within the maximum. */
    public ModelProperties {
        if (!(maxCanaryShare >= 0 && maxCanaryShare <= 1)) {
            throw new IllegalArgumentException("triage.classify.models.max-canary-share must be between 0 and 1, not "
                    + maxCanaryShare);
        }
        if (!(canaryShare >= 0 && canaryShare <= maxCanaryShare)) {
            throw new IllegalArgumentException("triage.classify.models.canary-share must be between 0 and "
                    + "max-canary-share (" + maxCanaryShare + "), not " + canaryShare);
        }
    }

    /** The encoder name training uses, or null for TF-IDF + LR only. */
    public @Nullable String sentenceEncoderName() {
        return sentenceEncoder.equals("none") ? null : sentenceEncoder;
    }

    /**
     * The weekly retraining job.
     *
     * @param cron       when it runs, in UTC (Spring cron: second minute hour day month weekday)
     * @param window     how far back validated tickets are taken
     * @param source     where the validated tickets come from: {@code ingestion} (ingestion-service's
     *                   {@code GET /tickets/validated}, the agents' validated labels of the last {@code window}) or
     *                   {@code file} ({@code data-file}). Unset: {@code file} when {@code data-file} is set,
     *                   otherwise {@code ingestion}
     * @param dataFile   labelled CSV/JSONL file to retrain from (the customer's exported, validated history),
     *                   for source {@code file}
     * @param pageSize   validated tickets asked from ingestion-service per request (it allows 1–1000)
     */
    public record Retraining(
            @DefaultValue("0 0 2 * * SUN") String cron,
            @DefaultValue("90d") Duration window,
            @Nullable Source source,
            @Nullable Path dataFile,
            @DefaultValue("1000") int pageSize) {

        /** The configured source, or the one implied by whether a data file is set. */
        public Source effectiveSource() {
            if (source != null) {
                return source;
            }
            return dataFile == null ? Source.INGESTION : Source.FILE;
        }
    }

    /** Where retraining data comes from. */
    public enum Source {
        /** ingestion-service's validated tickets of the last {@code window}. */
        INGESTION,
        /** The labelled file {@code data-file}. */
        FILE
    }

    /**
     * Background training jobs ({@code POST /models/train}, {@code POST /models/retrain}, the weekly retraining).
     *
     * @param parallelism       threads a job trains with; 0 means one fewer than the cores (at least one), so that
     *                          {@code /classify} keeps a core while a model trains
     * @param heartbeatInterval how often a running job says it is alive
     * @param staleAfter        a QUEUED or RUNNING job without a heartbeat for this long is failed by any replica
     *                          (its process died); must be several heartbeat intervals
     * @param instanceId        this replica's name in the job table; a start fails the jobs its previous life left
     *                          RUNNING. Defaults to the host name (the pod name in Kubernetes)
     */
    public record Jobs(
            @DefaultValue("0") int parallelism,
            @DefaultValue("10s") Duration heartbeatInterval,
            @DefaultValue("60s") Duration staleAfter,
            @Nullable String instanceId) {

        /** The configured parallelism, or cores − 1 (at least 1). */
        public int effectiveParallelism() {
            return parallelism > 0 ? parallelism : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        }
    }
}
