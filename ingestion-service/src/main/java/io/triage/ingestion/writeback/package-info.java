/**
 * Write-back: each stored decision written to its ticket in ServiceNow, Zendesk or Jira under the source's published
 * mapping ({@link io.triage.ingestion.mapping.WriteBackPlan}), at least once and with one note at most; transient
 * failures retried, the rest kept as dead letters ({@code FAILED}) to replay.
 */
@NullMarked
package io.triage.ingestion.writeback;

import org.jspecify.annotations.NullMarked;
