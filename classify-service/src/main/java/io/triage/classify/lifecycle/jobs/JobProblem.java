package io.triage.classify.lifecycle.jobs;

import org.jspecify.annotations.Nullable;

/**
 * Why a job failed, shaped like the ProblemDetail a synchronous request would have answered (RFC 9457 members), so
 * a client handles both the same way. Never holds a stack trace or internals.
 *
 * @param status the HTTP status the failure corresponds to (422 unusable data, 503 a dependency down, 500 other)
 * @param title  short, human-readable summary of the kind of failure
 * @param detail what went wrong, for a person
 * @param line   the 1-based line of the training data at fault, when known
 */
public record JobProblem(int status, String title, String detail, @Nullable Integer line) {
}
