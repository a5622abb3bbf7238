package io.triage.classify.tier;

/**
 * What the LLM tier spent on one ticket.
 *
 * @param mode             {@code rag} (few-shot with similar tickets) or {@code zero-shot}
 * @param promptTokens     prompt tokens billed (zero when answered from the response cache)
 * @param completionTokens completion tokens billed
 * @param cost             cost in the configured currency
 * @param cached           true when the response came from the Redis cache
 */
public record LlmUsage(String mode, long promptTokens, long completionTokens, double cost, boolean cached) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
