package io.triage.rules.catalog;

import java.time.Instant;

/**
 * One switch of the active rule set.
 *
 * @param version     the version made active
 * @param action      {@code seed}, {@code publish} or {@code rollback}
 * @param activatedBy who switched
 * @param activatedAt when
 * @param reason      why
 */
public record Activation(int version, String action, String activatedBy, Instant activatedAt, String reason) {
}
