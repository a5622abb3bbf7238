package io.triage.rules.validation;

import io.triage.rules.engine.TicketText;
import org.jspecify.annotations.Nullable;

/**
 * A sample ticket for validation, optionally with the department an auditor says is right.
 *
 * @param id         the sample's id, echoed in reports
 * @param text       the ticket's fields
 * @param department the correct department, or null when unlabelled
 */
public record LabelledTicket(String id, TicketText text, @Nullable String department) {
}
