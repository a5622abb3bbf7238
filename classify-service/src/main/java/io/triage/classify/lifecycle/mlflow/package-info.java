/**
 * The model store over an MLflow tracking server and model registry, used instead of the {@code classify} schema
 * when {@code MLFLOW_TRACKING_URI} is set: MLflow's Java client for runs and the registry, MLflow's artifact proxy
 * for artifacts, every call through the platform's retry and circuit breaker named {@code mlflow}.
 */
@NullMarked
package io.triage.classify.lifecycle.mlflow;

import org.jspecify.annotations.NullMarked;
