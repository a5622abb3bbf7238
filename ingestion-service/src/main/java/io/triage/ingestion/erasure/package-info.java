@NullMarked
package io.triage.ingestion.erasure;

import org.jspecify.annotations.NullMarked;
