/** Typed failures for domain and adapter code; the web advice maps each to a ProblemDetail status. */
@NullMarked
package io.triage.platform.problem;

import org.jspecify.annotations.NullMarked;
