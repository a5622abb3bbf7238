/**
 * Field mappings: per ticketing system, how a decision is written back (department and urgency to the source's
 * fields, the write-back level per department, the note), versioned in Postgres like rule sets, and the
 * {@link io.triage.ingestion.mapping.WriteBackPlan} a decision becomes under the published mapping.
 */
@NullMarked
package io.triage.ingestion.mapping;

import org.jspecify.annotations.NullMarked;
