package io.triage.ingestion.mapping;

/** How much a write-back changes in the ticketing system. The first three are chosen per department. */
public enum WriteBackLevel {
    /** A note only: the department and urgency are named in it, no field is set. */
    SUGGEST,
    /** The fields are set, and the note says they are a suggestion for the agent to confirm. */
    PRESELECT,
    /** The fields are set, and the note explains why. */
    AUTOMATE,
    /**
     * A decision that needs a human ({@code NEEDS_REVIEW}): a note with the top 3 candidates, and the mapping's review
     * tag or queue; never the department or urgency fields.
     */
    REVIEW
}
