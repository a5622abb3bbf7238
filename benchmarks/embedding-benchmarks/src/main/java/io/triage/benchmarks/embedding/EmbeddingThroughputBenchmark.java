package io.triage.benchmarks.embedding;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.model.MiniLmEmbeddingModel;
import io.triage.embedding.model.Vectors;
import io.triage.tickets.TicketGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Texts embedded per second by the default model (all-MiniLM-L6-v2 quantised, in-process), one text per call and
 * in batches, side by side: {@code langchain4j} is the model as embedding-service used it before issue 17
 * (langchain4j's {@code embedAll}, its session on every core, texts in parallel), {@code encoder} is
 * {@link MiniLmEmbeddingModel} now (own session, one thread per run, bulk and search pools; a single text goes
 * through the search pool as a query). Texts are realistic synthetic tickets (subject and description).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class EmbeddingThroughputBenchmark {

    static final int BATCH = 64;

    @Param({"langchain4j", "encoder"})
    String implementation;

    EmbeddingModel model;
    List<String> texts;
    int next;

    @Setup
    public void setUp() {
        model = implementation.equals("langchain4j") ? new Langchain4jMiniLm() : new MiniLmEmbeddingModel();
        texts = new TicketGenerator(7).generate(1024).stream()
                .map(t -> t.subject() + ". " + t.description())
                .toList();
        System.out.printf("%naverage text length: %.0f characters%n",
                texts.stream().mapToInt(String::length).average().orElse(0));
    }

    @TearDown
    public void tearDown() throws Exception {
        if (model instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Benchmark
    public float[] singleText() {
        next = (next + 1) % texts.size();
        return model.embedQuery(texts.get(next));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<float[]> batchOf64() {
        next = (next + BATCH) % (texts.size() - BATCH);
        return model.embed(texts.subList(next, next + BATCH));
    }

    /** embedding-service's MiniLM model before issue 17, kept here to measure against. */
    static final class Langchain4jMiniLm implements EmbeddingModel {

        private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

        @Override
        public String name() {
            return MiniLmEmbeddingModel.NAME;
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public List<float[]> embed(List<String> batch) {
            return model.embedAll(batch.stream().map(TextSegment::from).toList()).content().stream()
                    .map(e -> Vectors.normalised(e.vector())).toList();
        }
    }
}
