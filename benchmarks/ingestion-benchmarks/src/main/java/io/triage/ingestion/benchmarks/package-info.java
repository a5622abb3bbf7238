/** Load runs of ingestion-service's ticket flow against a started suite. */
@NullMarked
package io.triage.ingestion.benchmarks;

import org.jspecify.annotations.NullMarked;
