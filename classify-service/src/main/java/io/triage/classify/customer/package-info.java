/**
 * The keyed customer hash: what classify-service keeps instead of a customer id (the decision log, the LLM cache's
 * per-customer index), and the legacy unsalted hash older rows still carry, so that an erasure finds both.
 */
@NullMarked
package io.triage.classify.customer;

import org.jspecify.annotations.NullMarked;
