package io.triage.ingestion.alerting;

/** What is wrong with a source. */
enum IncidentKind {

    /** Its last pulls failed, as many in a row as {@code alerts.consecutive-failures}. */
    PULL_FAILURES("pulls failing", "pulls recovered"),

    /** Its newest ticket is older than {@code alerts.max-lag}. */
    LAG("tickets lagging", "tickets caught up"),

    /** A write-back was refused for its credentials or permissions (401/403); a later successful one closes it. */
    WRITE_BACK_AUTH("write-back refused (credentials or permissions)", "write-back authorised again");

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
