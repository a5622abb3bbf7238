/**
 * The decision log in schema {@code classify} and the at-least-once delivery of each decision to audit-service,
 * through a transactional outbox sent in batches ({@link io.triage.classify.decision.AuditRelay}).
 */
@NullMarked
package io.triage.classify.decision;

import org.jspecify.annotations.NullMarked;
