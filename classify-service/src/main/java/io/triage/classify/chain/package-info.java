/**
 * The orchestrator behind {@code POST /classify} and {@code /batch-classify}: validate, sanitise, then ask the tiers
 * in order (rules, semantic cache, ML, LLM) each within its deadline until one is sure, else NEEDS_REVIEW; assemble
 * the answer, log the decision, record routing metrics.
 */
@NullMarked
package io.triage.classify.chain;

import org.jspecify.annotations.NullMarked;
