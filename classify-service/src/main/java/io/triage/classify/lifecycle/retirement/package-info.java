/**
 * Retirement of model versions trained on an erased customer's text: a ShedLock'ed schedule and
 * {@code POST /models/retirements/run} start one job that retrains without that text (replacing the production version
 * when it is one of them) and marks the versions RETIRED, their artifacts deleted.
 */
@NullMarked
package io.triage.classify.lifecycle.retirement;

import org.jspecify.annotations.NullMarked;
