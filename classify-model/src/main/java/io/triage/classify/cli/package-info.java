/** The {@code train} and {@code evaluate} command line (picocli) over training and evaluation. */
@NullMarked
package io.triage.classify.cli;

import org.jspecify.annotations.NullMarked;
