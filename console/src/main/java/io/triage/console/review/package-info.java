/** The review queue's calls: NEEDS_REVIEW decisions from ingestion-service, agents' feedback to classify-service. */
@NullMarked
package io.triage.console.review;

import org.jspecify.annotations.NullMarked;
