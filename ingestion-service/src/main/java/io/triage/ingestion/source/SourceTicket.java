package io.triage.ingestion.source;

import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.SourceAttributes;

/** A ticket normalised from a source's own shape: what the intake stores, and what the source says beyond it. */
public record SourceTicket(NewTicket ticket, SourceAttributes attributes) {
}
