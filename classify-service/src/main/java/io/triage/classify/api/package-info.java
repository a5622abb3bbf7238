/**
 * The HTTP API: every controller of classify-service ({@code /classify}, {@code /batch-classify}, {@code /feedback},
 * {@code /experiments}, {@code /models}, {@code /models/predict}) and the request bodies only the API uses, with
 * their validation. Answers are the features' own records (a classification, a feedback receipt, a report, a model
 * version, a training job), serialised as they are.
 */
@NullMarked
package io.triage.classify.api;

import org.jspecify.annotations.NullMarked;
