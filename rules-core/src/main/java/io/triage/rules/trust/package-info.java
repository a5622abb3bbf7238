/**
 * Whether a rule has earned its short-circuit: its accuracy measured on confirmed outcomes (feedback), judged by a
 * lower confidence bound, so a rule that is often wrong stops skipping the model (issue 23, item 6).
 */
@NullMarked
package io.triage.rules.trust;

import org.jspecify.annotations.NullMarked;
