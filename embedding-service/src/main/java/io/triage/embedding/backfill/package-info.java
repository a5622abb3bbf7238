@NullMarked
package io.triage.embedding.backfill;

import org.jspecify.annotations.NullMarked;
