package io.triage.rules.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on the expensive endpoints ({@code triage.rules.admission.*}), so that concurrent maximal requests are
 * refused (503 with Retry-After, or 413) instead of exhausting the heap; see {@link ExpensiveRequests}.
 *
 * @param maxConcurrentBatches   {@code POST /rules/evaluate/batch} requests running at once (bulkhead
 *                               {@code evaluate-batch}); each may hold a body of {@code max-batch-bytes}
 * @param maxConcurrentCompiles  {@code POST /rules/validate}, {@code POST /rules/publish} and {@code PUT /rules/draft}
 *                               requests running at once (bulkhead {@code compile}): each compiles a rule set
 * @param maxWait                how long a request may wait for a slot before it is refused with 503
 * @param retryAfter             the Retry-After sent with that 503
 * @param maxBatchBytes          largest body of {@code /rules/evaluate/batch}; larger ones are refused with 413
 * @param maxRuleSetBytes        largest body of the rule-set endpoints (validate, publish, draft); 413 above it
 * @param maxTicketBytes         largest body of {@code POST /rules/evaluate} (one ticket); 413 above it
 */
@ConfigurationProperties("triage.rules.admission")
public record AdmissionProperties(
        @DefaultValue("2") int maxConcurrentBatches,
        @DefaultValue("2") int maxConcurrentCompiles,
        @DefaultValue("50ms") Duration maxWait,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("12MB") DataSize maxBatchBytes,
        @DefaultValue("2MB") DataSize maxRuleSetBytes,
        @DefaultValue("256KB") DataSize maxTicketBytes) {
}
