/**
 * A/B experiments by ticket-id hash (rules vs direct ML, RAG vs zero-shot) and their per-arm reports.
 */
@NullMarked
package io.triage.classify.experiment;

import org.jspecify.annotations.NullMarked;
