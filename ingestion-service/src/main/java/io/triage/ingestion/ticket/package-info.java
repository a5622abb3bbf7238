@NullMarked
package io.triage.ingestion.ticket;

import org.jspecify.annotations.NullMarked;
