package io.triage.embedding.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A fixed number of worker threads that encode texts, one text per task, so a batch is spread over the workers and
 * each ONNX run stays on one core. MiniLM has two: {@code search} for query texts and {@code bulk} for ingestion and
 * backfills, so a bulk ingest of 1,000 texts queues behind its own workers and never in front of a search.
 *
 * <p>Meters, tagged {@code pool}: {@code embedding.minilm.queue} (texts waiting), {@code embedding.minilm.active}
 * (texts being encoded), {@code embedding.minilm.batch} (texts per call) and {@code embedding.minilm.encode}
 * (time of one text's encode on its worker, queueing excluded).
 */
final class EncoderPool implements AutoCloseable {

    private final ThreadPoolExecutor workers;
    private final DistributionSummary batches;
    private final Timer encodes;

    EncoderPool(String name, int threads, String model, MeterRegistry meters) {
        if (threads < 1) {
            throw new IllegalArgumentException("a " + name + " pool needs at least one thread, not " + threads);
        }
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "minilm-" + name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Gauge.builder("embedding.minilm.queue", workers, pool -> pool.getQueue().size())
                .description("Texts waiting for an encoder worker").tag("pool", name).tag("model", model)
                .register(meters);
        Gauge.builder("embedding.minilm.active", workers, ThreadPoolExecutor::getActiveCount)
                .description("Texts being encoded now").tag("pool", name).tag("model", model).register(meters);
        this.batches = DistributionSummary.builder("embedding.minilm.batch")
                .description("Texts per call to the encoder").baseUnit("texts").tag("pool", name).tag("model", model)
                .register(meters);
        this.encodes = Timer.builder("embedding.minilm.encode")
                .description("One text's encode on its worker, queueing excluded").tag("pool", name)
                .tag("model", model).register(meters);
    }

    int threads() {
        return workers.getMaximumPoolSize();
    }

    /** Encodes every text on the workers and answers the vectors in the order of the texts. */
    List<float[]> encodeAll(List<String> texts, Function<String, float[]> encoder) {
        batches.record(texts.size());
        List<Future<float[]>> pending = new ArrayList<>(texts.size());
        for (String text : texts) {
            pending.add(workers.submit(() -> encodes.record(() -> encoder.apply(text))));
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        try {
            for (Future<float[]> vector : pending) {
                vectors.add(vector.get());
            }
            return vectors;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting for the encoder", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the encoder failed", e.getCause());
        } catch (CancellationException e) {
            throw new ModelUnavailableException("the encoder is shutting down", e);
        } finally {
            // A failed or abandoned call leaves no work behind for texts nobody waits for.
            pending.forEach(vector -> vector.cancel(false));
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            // A run under way finishes in milliseconds; the session must outlive it.
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
