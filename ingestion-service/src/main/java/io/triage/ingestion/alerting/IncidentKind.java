package io.triage.ingestion.alerting;

/** What is wrong with a source. */
enum IncidentKind {

    /** Its last pulls failed, as many in a row as {@code alerts.consecutive-failures}. */
    PULL_FAILURES("pulls failing", "pulls recovered"),

    /** Its newest ticket is older than {@code alerts.max-lag}. */
    LAG("tickets lagging", "tickets caught up");

    private final String opened;
    private final String closed;

    IncidentKind(String opened, String closed) {
        this.opened = opened;
        this.closed = closed;
    }

    /** How the opening message names it. */
    String opened() {
        return opened;
    }

    /** How the recovery message names it. */
    String closed() {
        return closed;
    }
}
