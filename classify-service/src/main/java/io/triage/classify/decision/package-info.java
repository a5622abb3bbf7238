/**
 * The decision log in schema {@code classify} and the at-least-once delivery of each decision to audit-service.
 */
@NullMarked
package io.triage.classify.decision;

import org.jspecify.annotations.NullMarked;
