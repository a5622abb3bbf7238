/**
 * The ML tier: the in-process model decides when its department head is above its per-class threshold.
 */
@NullMarked
package io.triage.classify.modeltier;

import org.jspecify.annotations.NullMarked;
