package io.triage.classify.training;

import java.util.List;

/** The heads a ticket classifier may have, in the order every report lists them. */
public final class Heads {

    public static final String DEPARTMENT = "department";
    public static final String URGENCY = "urgency";
    public static final String SENTIMENT = "sentiment";
    public static final List<String> ALL = List.of(DEPARTMENT, URGENCY, SENTIMENT);

    private Heads() {
    }
}
