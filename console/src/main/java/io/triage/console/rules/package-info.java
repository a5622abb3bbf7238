/** The Rules page's calls: rules-engine's rule-set API, with recent labelled tickets as backtest sample. */
@NullMarked
package io.triage.console.rules;

import org.jspecify.annotations.NullMarked;
