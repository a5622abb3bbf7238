@NullMarked
package io.triage.ingestion.webhook;

import org.jspecify.annotations.NullMarked;
