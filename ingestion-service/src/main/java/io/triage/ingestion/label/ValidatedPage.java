package io.triage.ingestion.label;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /tickets/validated}.
 *
 * @param items tickets in (validatedAt, id) order
 * @param next  the {@code after} cursor of the following page; null when this page is the last
 */
public record ValidatedPage(List<ValidatedTicket> items, @Nullable String next) {
}
