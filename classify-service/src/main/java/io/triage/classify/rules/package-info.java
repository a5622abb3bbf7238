/**
 * The rules tier: rules-engine's first matching rule decides from the short-circuit confidence (0.85) up. The
 * published rule set is evaluated in-process with rules-core by default ({@code evaluation=local}), or by rules-engine
 * per ticket ({@code evaluation=remote}).
 */
@NullMarked
package io.triage.classify.rules;

import org.jspecify.annotations.NullMarked;
