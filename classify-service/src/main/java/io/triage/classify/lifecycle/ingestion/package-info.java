/**
 * ingestion-service as classify-service uses it: agents' validated labels go there, and retraining reads the
 * validated tickets of the last window back.
 */
@NullMarked
package io.triage.classify.lifecycle.ingestion;

import org.jspecify.annotations.NullMarked;
