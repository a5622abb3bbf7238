package io.triage.audit.chain;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** The labels a decision assigned (any may be absent when the classifier abstained). */
public record Prediction(
        @Size(max = 64) @Nullable String department,
        @Size(max = 64) @Nullable String urgency,
        @Size(max = 64) @Nullable String sentiment) {
}
