package io.triage.audit.verify;

/** One problem at chain position {@code seq}. */
public record Finding(long seq, FindingKind kind, String detail) {
}
