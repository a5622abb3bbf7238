package io.triage.classify.decision;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.tracing.TraceParents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Sends the decision events queued in {@code audit_outbox} to audit-service, many per request, and deletes them
 * once audit-service has stored them: at least once, in batches. A logged decision wakes the relay; events that
 * arrive while a batch is in flight go together in the next one, so batches grow with the load by themselves and
 * an idle service still delivers each event within milliseconds.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED} in the transaction that deletes them after the request
 * succeeded, so replicas share the outbox without sending a row twice, and a crash or a failed request leaves the
 * rows for the next attempt (audit-service is idempotent on the event id). While audit-service is unavailable the
 * relay waits, doubling from {@code poll-interval} up to {@code max-backoff}. A batch audit-service refuses as a
 * whole (4xx) is sent again event by event, and an event it refuses alone is marked {@code rejected} with the
 * answer, counted ({@code classify_audit_events_rejected_total}) and logged, so one bad event cannot stop the rest.
 *
 * <p>Why not Spring Modulith's publication registry, which the other events use: it delivers each event in its own
 * listener transaction and so needed one publication row, one transaction held over one HTTP request, and one
 * completion update per decision — under load 16 % of this service's CPU, and a connection pool held by listeners
 * waiting on audit-service (benchmarks/results/classify-load.md). Decision events are the one high-volume stream,
 * and audit-service takes them in batches.
 */
@Component
class AuditRelay implements SmartLifecycle {

    static final String DOWNSTREAM = "audit-service";
    /** The span of one batch sent to audit-service. */
    static final String SPAN = "audit.relay";
    private static final Logger LOG = LoggerFactory.getLogger(AuditRelay.class);

    /** One queued event. */
    private record Queued(UUID decisionId, String event, @Nullable String traceparent) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ResilientCalls calls;
    private final AuditRelayProperties properties;
    private final TraceParents traceParents;
    private final ObjectProvider<Tracer> tracer;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter delivered;
    private final Counter rejected;
    private final DistributionSummary batchSizes;
    private volatile boolean running;
    private volatile @Nullable Thread worker;

    AuditRelay(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, ResilientCalls calls,
            AuditRelayProperties properties, MeterRegistry meters, TraceParents traceParents,
            ObjectProvider<Tracer> tracer) {
        this.jdbc = jdbc;
        this.traceParents = traceParents;
        this.tracer = tracer;
        this.transactions = transactions;
        this.audit = audit;
        this.calls = calls;
        this.properties = properties;
        this.delivered = Counter.builder("classify.audit.events.delivered")
                .description("Decision events stored by audit-service").register(meters);
        this.rejected = Counter.builder("classify.audit.events.rejected")
                .description("Decision events audit-service refused (kept in audit_outbox, marked rejected)")
                .register(meters);
        this.batchSizes = DistributionSummary.builder("classify.audit.batch.size")
                .description("Decision events per request to audit-service").register(meters);
        Gauge.builder("classify.audit.outbox.pending", this, AuditRelay::pending)
                .description("Decision events waiting to be sent to audit-service").register(meters);
    }

    /** A decision was queued: send it soon. Cheap and non-blocking; wake-ups while a batch is sent coalesce. */
    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("audit-relay").daemon().start(this::loop);
    }

    /** After the web server (which stops at a higher phase), so decisions made while it drained are sent too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            wakeUps.release();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            deliverPending();
        } catch (RuntimeException e) {
            LOG.warn("audit events left in the outbox at shutdown, sent at the next start ({})", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration wait = properties.pollInterval();
        while (running) {
            try {
                wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (!running) {
                    break;
                }
                drain();
                wait = properties.pollInterval();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                wait = wait.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff()
                        : wait.multipliedBy(2);
                LOG.warn("audit events not delivered ({}); next attempt in {} ms", e.toString(), wait.toMillis());
            }
        }
    }

    /** Sends batches until the outbox holds no pending event, or the relay stops. */
    private void drain() {
        int sent;
        do {
            sent = sendOneBatch();
        } while (sent == properties.batchSize() && running);
    }

    /** Sends what is pending now in the caller's thread (at shutdown); the number of events stored. */
    int deliverPending() {
        int total = 0;
        int sent;
        do {
            sent = sendOneBatch();
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    private int sendOneBatch() {
        Integer sent = transactions.execute(status -> {
            List<Queued> batch = jdbc.sql("""
                    SELECT decision_id, event, traceparent FROM audit_outbox WHERE rejected IS NULL
                    ORDER BY created_at LIMIT :n FOR UPDATE SKIP LOCKED
                    """).param("n", properties.batchSize())
                    .query((rs, n) -> new Queued(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            return traced(batch, () -> send(batch));
        });
        return sent == null ? 0 : sent;
    }

    /** Runs the delivery of {@code batch} in its span, in the trace(s) of the requests that queued it. */
    private int traced(List<Queued> batch, IntSupplier delivery) {
        Span span = traceParents.resume(SPAN, batch.stream().map(Queued::traceparent).toList());
        span.tag("audit.events", batch.size());
        Tracer t = tracer.getIfAvailable();
        try (Tracer.SpanInScope ignored = t == null ? null : t.withSpan(span)) {
            return delivery.getAsInt();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Sends the claimed batch and deletes what audit-service stored; in the claiming transaction. */
    private int send(List<Queued> batch) {
        try {
            calls.call(DOWNSTREAM, () -> {
                audit.recordAll(array(batch));
                return null;
            });
        } catch (HttpClientErrorException refused) {
            return oneByOne(batch);
        }
        jdbc.sql("DELETE FROM audit_outbox WHERE decision_id = ANY(:ids)")
                .param("ids", batch.stream().map(Queued::decisionId).toArray(UUID[]::new)).update();
        delivered.increment(batch.size());
        batchSizes.record(batch.size());
        return batch.size();
    }

    /** audit-service refused the batch: each event alone, so the one it refuses does not hold back the others. */
    private int oneByOne(List<Queued> batch) {
        int stored = 0;
        for (Queued queued : batch) {
            try {
                calls.call(DOWNSTREAM, () -> {
                    audit.recordAll(array(List.of(queued)));
                    return null;
                });
                jdbc.sql("DELETE FROM audit_outbox WHERE decision_id = :id").param("id", queued.decisionId())
                        .update();
                delivered.increment();
                stored++;
            } catch (HttpClientErrorException refused) {
                String answer = refused.getStatusCode().value() + " " + refused.getResponseBodyAsString();
                jdbc.sql("UPDATE audit_outbox SET rejected = :answer WHERE decision_id = :id")
                        .param("answer", answer.length() > 2000 ? answer.substring(0, 2000) : answer)
                        .param("id", queued.decisionId()).update();
                rejected.increment();
                LOG.error("audit-service refused the event of decision {}: {}", queued.decisionId(), answer);
            }
        }
        return stored;
    }

    private static String array(List<Queued> batch) {
        StringBuilder json = new StringBuilder(batch.size() * 400).append('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(batch.get(i).event());
        }
        return json.append(']').toString();
    }

    private double pending() {
        try {
            Long n = jdbc.sql("SELECT count(*) FROM audit_outbox WHERE rejected IS NULL").query(Long.class).single();
            return n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
