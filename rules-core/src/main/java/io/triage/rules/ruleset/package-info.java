/** The rule-set model and its YAML parser, which reports every problem with its line and column. */
@NullMarked
package io.triage.rules.ruleset;

import org.jspecify.annotations.NullMarked;
