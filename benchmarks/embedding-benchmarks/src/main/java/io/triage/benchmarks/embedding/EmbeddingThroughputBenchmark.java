package io.triage.benchmarks.embedding;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.triage.embedding.model.MiniLmEmbeddingModel;
import io.triage.tickets.TicketGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Texts embedded per second by the default model (all-MiniLM-L6-v2 quantised, in-process), one text per call and
 * in batches (the batch is spread over the cores by the model). Texts are realistic synthetic tickets (subject and
 * description, about 350 characters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class EmbeddingThroughputBenchmark {

    static final int BATCH = 64;

    MiniLmEmbeddingModel model;
    List<String> texts;
    int next;

    @Setup
    public void setUp() {
        model = new MiniLmEmbeddingModel();
        texts = new TicketGenerator(7).generate(1024).stream()
                .map(t -> t.subject() + ". " + t.description())
                .toList();
        System.out.printf("%naverage text length: %.0f characters%n",
                texts.stream().mapToInt(String::length).average().orElse(0));
    }

    @Benchmark
    public float[] singleText() {
        next = (next + 1) % texts.size();
        return model.embed(List.of(texts.get(next))).getFirst();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<float[]> batchOf64() {
        next = (next + BATCH) % (texts.size() - BATCH);
        return model.embed(texts.subList(next, next + BATCH));
    }
}
