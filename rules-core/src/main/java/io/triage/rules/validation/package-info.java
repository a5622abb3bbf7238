/** Checks a rule set before it is published: compile errors, shadowed rules, conflicts and a backtest on labelled tickets. */
@NullMarked
package io.triage.rules.validation;

import org.jspecify.annotations.NullMarked;
