/** The Operations page's calls: ingestion-service's per-source freshness and its dead-lettered write-backs. */
@NullMarked
package io.triage.console.operations;

import org.jspecify.annotations.NullMarked;
