package io.triage.classify.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tier chain itself ({@code triage.classify.tiers.*}). Each tier reads its own sub-tree
 * ({@code .rules}, {@code .cache}, {@code .model}, {@code .llm}; experiments: {@code .experiments}; redelivery of
 * failed feedback forwarding: {@code .audit-redeliver-after}, {@code .audit-redelivery-interval}; decision events
 * to audit-service: {@code triage.classify.audit.*}). The addresses and API keys of rules-engine,
 * embedding-service and audit-service are HTTP service-client groups ({@code spring.http.serviceclient.rules},
 * {@code .embedding}, {@code .audit}).
 *
 * @param maxBatch     most tickets one {@code /batch-classify} request may carry
 * @param batchThreads how many tickets of one batch are classified at the same time
 * @param maxTextChars longest subject plus description accepted; longer tickets are refused with 413
 */
@ConfigurationProperties("triage.classify.tiers")
public record ChainProperties(
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("16") int batchThreads,
        @DefaultValue("20000") int maxTextChars) {
}
