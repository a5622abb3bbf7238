package io.triage.audit.chain;

/** The tier that decided a ticket, as reported by classify-service; {@link #NEEDS_REVIEW} is an abstention. */
public enum RoutingMethod {
    RULES, CACHE, ML, LLM, NEEDS_REVIEW
}
