package io.triage.classify.tier;

/**
 * A tier that could not be consulted for this ticket, and why (down, slow, circuit open, not configured, experiment).
 *
 * @param tier   the tier
 * @param reason short reason
 */
public record SkippedTier(RoutingMethod tier, String reason) {
}
