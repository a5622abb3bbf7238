package io.triage.ingestion.webhook;

/** What became of an authentic webhook delivery (answered with 202 in every case). */
public enum WebhookOutcome {
    /** The ticket was handed to the intake (which keeps it idempotent on source + external id + updated-at). */
    ACCEPTED,
    /** This delivery id was accepted before; nothing changed. */
    DUPLICATE,
    /** An event that carries no ticket to store (e.g. a deleted issue, a non-ticket Zendesk event). */
    IGNORED
}
