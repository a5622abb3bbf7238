package io.triage.classify.tier;

/** The tier that decided a ticket; {@link #NEEDS_REVIEW} means no tier was sure and a human decides. */
public enum RoutingMethod {
    RULE, CACHE, ML, LLM, NEEDS_REVIEW
}
