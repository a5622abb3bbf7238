package io.triage.classify.lifecycle.serving;

import org.jspecify.annotations.Nullable;

/**
 * The versions answering right now; swapped as one immutable value so a request sees one consistent pair.
 *
 * @param production answers all tickets outside the canary share; null before the first promotion
 * @param canary     the staging version answering the canary share; null when there is none
 * @param share      the share of ticket ids the canary answers: chosen for it or the configured default; 0 without a
 *                   canary
 */
record ServingModels(@Nullable LoadedModel production, @Nullable LoadedModel canary, double share) {

    static final ServingModels NONE = new ServingModels(null, null, 0);
}
