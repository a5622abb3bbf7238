@NullMarked
package io.triage.ingestion.label;

import org.jspecify.annotations.NullMarked;
