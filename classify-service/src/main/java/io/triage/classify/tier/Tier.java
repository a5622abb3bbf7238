package io.triage.classify.tier;

import java.time.Duration;

/** One step of the chain (rules → cache → ML → LLM). Implementations never throw: failures are outcomes. */
public interface Tier {

    /** Which routing method a decision of this tier is reported as. */
    RoutingMethod method();

    /**
     * How long the chain waits for this tier before skipping it; {@link Duration#ZERO} runs it inline without a
     * deadline (in-process tiers).
     */
    Duration timeout();

    /** Consults the tier for the ticket in {@code context}; may leave facts in the context for later tiers. */
    TierOutcome decide(TierContext context);
}
