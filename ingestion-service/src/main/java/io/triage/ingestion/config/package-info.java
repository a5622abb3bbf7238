@NullMarked
package io.triage.ingestion.config;

import org.jspecify.annotations.NullMarked;
