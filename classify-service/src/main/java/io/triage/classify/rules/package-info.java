/**
 * The rules tier: rules-engine's first matching rule decides from the short-circuit confidence (0.85) up.
 */
@NullMarked
package io.triage.classify.rules;

import org.jspecify.annotations.NullMarked;
