package io.triage.classify.taxonomy;

/**
 * What the production model serves, as model serving knows it. Read on every call to the taxonomy, so it must be
 * cheap (a field read): an implementation returns the same {@link ModelHeads} instance until production changes.
 */
@FunctionalInterface
public interface ServedLabels {

    /** The production model's heads and their labels; {@link ModelHeads#NONE} before the first promotion. */
    ModelHeads production();
}
