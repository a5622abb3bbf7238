/**
 * Provenance of trained models: which tickets (by id and keyed customer hash, never text or a plain customer id) each
 * model version was trained on, the customers erased since, and the versions that must be retired because they
 * learnt from an erased customer's text. Plain bookkeeping in the {@code classify} schema, whichever store
 * ({@code lifecycle}, {@code .mlflow}) holds the models.
 */
@NullMarked
package io.triage.classify.lifecycle.provenance;

import org.jspecify.annotations.NullMarked;
