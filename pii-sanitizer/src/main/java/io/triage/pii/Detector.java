package io.triage.pii;

import java.util.List;

/**
 * Finds one kind (or a closely related family) of personal data in a text.
 * Implementations must be thread-safe and run in time linear in the text length.
 */
public interface Detector {

    /** Short stable name reported in every {@link Finding}, e.g. {@code "email"}. */
    String name();

    /** All candidate spans in {@code text}; overlaps between detectors are resolved by the sanitizer. */
    List<Finding> detect(String text);
}
