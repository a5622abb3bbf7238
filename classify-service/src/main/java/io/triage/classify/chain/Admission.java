package io.triage.classify.chain;

import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.platform.problem.UnavailableException;
import org.springframework.stereotype.Component;

/**
 * Graceful overload: at most {@code triage.classify.admission.max-concurrent} classification requests run at
 * once (a Resilience4j semaphore bulkhead named {@code classify}); a request that finds no slot within
 * {@code max-wait} is refused at once with 503 and {@code Retry-After}, before it sanitises, classifies or logs
 * anything. Without the bound, every request over the machine's capacity would be accepted, each one slower than
 * the last, until all of them missed their callers' timeouts; with it the admitted ones keep their latency and the
 * rest are told to come back. A {@code /batch-classify} request takes one slot (its tickets share the chain's own
 * {@code batch-threads}).
 *
 * <p>Metrics: {@code resilience4j_bulkhead_available_concurrent_calls{name="classify"}} and
 * {@code classify_admission_rejected_total}.
 */
@Component
public class Admission {

    private final Bulkhead bulkhead;
    private final Counter rejected;
    private final AdmissionProperties properties;

    Admission(AdmissionProperties properties, MeterRegistry meters) {
        this.properties = properties;
        BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrent())
                .maxWaitDuration(properties.maxWait())
                .build());
        this.bulkhead = registry.bulkhead("classify");
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        this.rejected = Counter.builder("classify.admission.rejected")
                .description("Classification requests refused with 503 because max-concurrent were running")
                .register(meters);
    }

    /** Runs {@code work} in a slot, or throws 503 with Retry-After when none frees up within max-wait. */
    public <T> T admit(Supplier<T> work) {
        if (!bulkhead.tryAcquirePermission()) {
            rejected.increment();
            throw new UnavailableException("classify-service is answering " + properties.maxConcurrent()
                    + " requests already; retry after " + properties.retryAfter().toSeconds() + " s",
                    properties.retryAfter());
        }
        try {
            return work.get();
        } finally {
            bulkhead.onComplete();
        }
    }

    /** The bulkhead itself (its state, and for tests to occupy slots). */
    public Bulkhead bulkhead() {
        return bulkhead;
    }
}
