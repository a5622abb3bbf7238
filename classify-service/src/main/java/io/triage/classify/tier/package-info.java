/**
 * The tier chain behind {@code POST /classify} and {@code /batch-classify}: sanitise, then rules, semantic cache,
 * ML and LLM in order until one is sure, else NEEDS_REVIEW; per-tier deadlines, skipped tiers named in the answer.
 */
@NullMarked
package io.triage.classify.tier;

import org.jspecify.annotations.NullMarked;
