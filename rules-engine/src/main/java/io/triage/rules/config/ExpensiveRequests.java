package io.triage.rules.config;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.platform.web.ProblemResponses;
import io.triage.platform.web.RequestSizeLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission of the endpoints whose cost grows with the body: before a body is read, a request of
 * {@code /rules/evaluate/batch} or of the rule-set endpoints (validate, publish, draft) takes a slot of its
 * Resilience4j semaphore bulkhead ({@code evaluate-batch}, {@code compile}) or is refused at once with 503 and
 * Retry-After; every such body, and a single {@code /rules/evaluate} ticket, is held to its own size limit (413, also
 * for chunked bodies). So the heap needed is bounded by slots × body limits, whatever the number of callers.
 *
 * <p>Metrics: {@code resilience4j_bulkhead_available_concurrent_calls{name}} and
 * {@code rules_admission_rejected_total{endpoint}}.
 */
public final class ExpensiveRequests extends OncePerRequestFilter {

    private final AdmissionProperties properties;
    private final ProblemResponses problems;
    private final Bulkhead batches;
    private final Bulkhead compiles;
    private final RequestSizeLimitFilter batchSize;
    private final RequestSizeLimitFilter ruleSetSize;
    private final RequestSizeLimitFilter ticketSize;
    private final MeterRegistry meters;

    ExpensiveRequests(AdmissionProperties properties, ProblemResponses problems, MeterRegistry meters) {
        this.properties = properties;
        this.problems = problems;
        this.meters = meters;
        BulkheadRegistry registry = BulkheadRegistry.ofDefaults();
        this.batches = registry.bulkhead("evaluate-batch", config(properties.maxConcurrentBatches()));
        this.compiles = registry.bulkhead("compile", config(properties.maxConcurrentCompiles()));
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        this.batchSize = new RequestSizeLimitFilter(properties.maxBatchBytes().toBytes(), problems);
        this.ruleSetSize = new RequestSizeLimitFilter(properties.maxRuleSetBytes().toBytes(), problems);
        this.ticketSize = new RequestSizeLimitFilter(properties.maxTicketBytes().toBytes(), problems);
    }

    /** The bulkhead of batches ({@code evaluate-batch}), for its state (and for tests to occupy its slots). */
    public Bulkhead batches() {
        return batches;
    }

    private BulkheadConfig config(int maxConcurrent) {
        return BulkheadConfig.custom().maxConcurrentCalls(maxConcurrent).maxWaitDuration(properties.maxWait())
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if ("POST".equals(method) && "/rules/evaluate".equals(path)) {
            ticketSize.doFilter(request, response, chain);
            return;
        }
        Bulkhead bulkhead = null;
        RequestSizeLimitFilter size = null;
        if ("POST".equals(method) && "/rules/evaluate/batch".equals(path)) {
            bulkhead = batches;
            size = batchSize;
        } else if ("POST".equals(method) && ("/rules/validate".equals(path) || "/rules/publish".equals(path))
                || "PUT".equals(method) && "/rules/draft".equals(path)) {
            bulkhead = compiles;
            size = ruleSetSize;
        }
        if (bulkhead == null || size == null) {
            chain.doFilter(request, response);
            return;
        }
        admit(bulkhead, size, request, response, chain);
    }

    /** A declared oversized body is refused (413) before it takes a slot; a chunked one while it is read. */
    private void admit(Bulkhead bulkhead, RequestSizeLimitFilter size, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        size.doFilter(request, response, (limited, out) -> {
            if (!bulkhead.tryAcquirePermission()) {
                rejected(bulkhead.getName()).increment();
                long retryAfter = Math.max(1, properties.retryAfter().toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "rules-engine is answering "
                        + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " " + bulkhead.getName()
                        + " requests already; retry after " + retryAfter + " s");
                return;
            }
            try {
                chain.doFilter(limited, out);
            } finally {
                bulkhead.onComplete();
            }
        });
    }

    private Counter rejected(@Nullable String endpoint) {
        return Counter.builder("rules.admission.rejected")
                .description("Requests refused with 503 because their endpoint's bulkhead was full")
                .tag("endpoint", String.valueOf(endpoint)).register(meters);
    }
}
