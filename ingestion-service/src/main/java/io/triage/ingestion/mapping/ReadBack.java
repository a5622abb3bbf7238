package io.triage.ingestion.mapping;

import org.jspecify.annotations.Nullable;

/**
 * What a ticket's fields in its source say, read back through the published mapping: the department whose fields the
 * ticket carries, and the urgency whose fields it carries; each absent when no mapped value, or more than one, fits.
 *
 * @param department the department the source's group (team, assignee, components) fields point to
 * @param urgency    the urgency the source's priority (urgency and impact) fields point to
 */
public record ReadBack(@Nullable String department, @Nullable String urgency) {

    /** Nothing read back. */
    public static final ReadBack NONE = new ReadBack(null, null);
}
