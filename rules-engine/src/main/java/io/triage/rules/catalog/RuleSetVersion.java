package io.triage.rules.catalog;

import java.time.Instant;

/**
 * A published rule set.
 *
 * @param version   increasing version number
 * @param ruleCount rules in it
 * @param createdBy who published it
 * @param createdAt when
 * @param reason    why
 */
public record RuleSetVersion(int version, int ruleCount, String createdBy, Instant createdAt, String reason) {
}
