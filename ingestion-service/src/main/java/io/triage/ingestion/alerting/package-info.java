/**
 * Source incidents: a source whose pulls keep failing or whose tickets fall behind gets one Slack message when the
 * incident opens and one when it closes; the incidents live in Postgres, shared by the replicas.
 */
@NullMarked
package io.triage.ingestion.alerting;

import org.jspecify.annotations.NullMarked;
