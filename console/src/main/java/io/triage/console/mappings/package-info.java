/** The Field mappings page's calls: ingestion-service's write-back field mappings per source system. */
@NullMarked
package io.triage.console.mappings;

import org.jspecify.annotations.NullMarked;
