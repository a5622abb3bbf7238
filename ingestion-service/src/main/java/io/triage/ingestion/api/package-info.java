@NullMarked
package io.triage.ingestion.api;

import org.jspecify.annotations.NullMarked;
