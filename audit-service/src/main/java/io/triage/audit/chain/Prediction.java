package io.triage.audit.chain;

import jakarta.validation.constraints.Size;

/** The labels a decision assigned (any may be absent when the classifier abstained). */
public record Prediction(
        @Size(max = 64) String department,
        @Size(max = 64) String urgency,
        @Size(max = 64) String sentiment) {
}
