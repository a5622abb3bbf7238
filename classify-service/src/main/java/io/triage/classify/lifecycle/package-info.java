/**
 * Model lifecycle: the model registry (versions, stages, promotion against the baseline), training runs and the data
 * retraining learns from. The registry's stores live here (schema {@code classify}) and in {@code .mlflow}; serving,
 * training jobs and the ingestion-service client in the sub-packages.
 */
@NullMarked
package io.triage.classify.lifecycle;

import org.jspecify.annotations.NullMarked;
