/** Evaluation of trained heads: per-class metrics, operating points, coverage and the Markdown report. */
@NullMarked
package io.triage.classify.evaluation;

import org.jspecify.annotations.NullMarked;
