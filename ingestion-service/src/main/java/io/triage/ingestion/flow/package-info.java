/**
 * What follows a stored ticket: classification by classify-service, with the decision kept beside the ticket for
 * write-back, and indexing by embedding-service, each delivered at least once from Spring Modulith's outbox.
 */
@NullMarked
package io.triage.ingestion.flow;

import org.jspecify.annotations.NullMarked;
