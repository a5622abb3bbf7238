@NullMarked
package io.triage.ingestion;

import org.jspecify.annotations.NullMarked;
