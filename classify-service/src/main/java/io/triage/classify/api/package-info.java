/**
 * The HTTP API: every controller of classify-service ({@code /classify}, {@code /batch-classify}, {@code /feedback},
 * {@code /experiments}, {@code /models}, {@code /predict}) with the request and response records only it uses.
 */
@NullMarked
package io.triage.classify.api;

import org.jspecify.annotations.NullMarked;
