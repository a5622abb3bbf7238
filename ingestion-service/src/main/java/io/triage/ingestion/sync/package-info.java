@NullMarked
package io.triage.ingestion.sync;

import org.jspecify.annotations.NullMarked;
