package io.triage.ingestion.mapping;

/**
 * Something wrong with a field mapping, pointing at where it is.
 *
 * @param line    1-based line in the YAML, 0 when unknown
 * @param column  1-based column in the YAML, 0 when unknown
 * @param field   path of the offending field, e.g. {@code departments.Billing.assignment_group}
 * @param message what is wrong, for an administrator
 */
public record MappingProblem(int line, int column, String field, String message) {
}
