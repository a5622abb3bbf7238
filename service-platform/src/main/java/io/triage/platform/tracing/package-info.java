/**
 * Tracing across the suite: W3C {@code traceparent} values kept with work that leaves the request (an outbox row)
 * so the work that picks it up later joins the request's trace, and JDBC spans only inside a trace.
 */
@NullMarked
package io.triage.platform.tracing;

import org.jspecify.annotations.NullMarked;
