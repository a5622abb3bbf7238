@NullMarked
package io.triage.ingestion.source;

import org.jspecify.annotations.NullMarked;
