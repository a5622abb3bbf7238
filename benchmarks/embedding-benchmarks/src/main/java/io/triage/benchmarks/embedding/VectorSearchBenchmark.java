package io.triage.benchmarks.embedding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.triage.embedding.store.LuceneVectorStore;
import io.triage.embedding.store.SearchFilter;
import io.triage.embedding.store.TicketMetadata;
import io.triage.embedding.store.VectorMatch;
import io.triage.embedding.store.VectorRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-5 search latency of the service's {@link LuceneVectorStore} (HNSW, M = 16, beam width 100, memory-mapped) over
 * 100,000 seeded 384-d vectors, and recall@5 against exact brute force over 200 fresh queries. The index is built
 * once per dataset under {@code target/vector-index/} and reused by later forks. Recall, build time, heap and RSS
 * are appended to {@code target/vector-search-recall.txt}. The reference, exact search of the same vectors, is
 * {@link ExactSearchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--add-modules", "jdk.incubator.vector"})
public class VectorSearchBenchmark {

    static final int K = 5;
    static final int QUERIES = 200;

    @Param({"random", "clustered"})
    String dataset;

    @Param({"50", "100", "200"})
    int candidates;

    LuceneVectorStore store;
    float[][] queries;
    int next;

    @Setup
    public void setUp() throws IOException {
        Path directory = Path.of("target", "vector-index", dataset + "-m16-b100");
        boolean built = Files.exists(directory.resolve("built"));
        long buildNanos = 0;
        store = new LuceneVectorStore(directory, Datasets.DIMENSION, 16, 100, candidates);
        float[][] vectors = Datasets.vectors(dataset, Datasets.SIZE, 1);
        if (!built) {
            long start = System.nanoTime();
            load(vectors);
            buildNanos = System.nanoTime() - start;
            Files.writeString(directory.resolve("built"), Long.toString(buildNanos));
        } else {
            buildNanos = Long.parseLong(Files.readString(directory.resolve("built")).trim());
        }
        queries = Datasets.vectors(dataset, QUERIES, 2);
        double recall = recall(vectors);
        vectors = null;
        System.gc();
        String line = "%s dataset=%s candidates=%d recall@5=%.4f index-build-s=%.1f entries=%d heap-used-mib=%d rss-mib=%s%n"
                .formatted(Instant.now(), dataset, candidates, recall, buildNanos / 1e9, store.count(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, rssMib());
        System.out.print(line);
        Files.writeString(Path.of("target", "vector-search-recall.txt"), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @TearDown
    public void tearDown() {
        System.out.printf("%nafter measurement: rss-mib=%s%n", rssMib());
        store.close();
    }

    @Benchmark
    public List<VectorMatch> top5() {
        next = (next + 1) % QUERIES;
        return store.search(queries[next], K, SearchFilter.NONE);
    }

    private void load(float[][] vectors) {
        TicketMetadata metadata = new TicketMetadata("C-bench", "billing", "high", "negative",
                Instant.parse("2026-11-01T00:00:00Z"));
        for (int from = 0; from < vectors.length; from += 10_000) {
            List<VectorRecord> chunk = new ArrayList<>(10_000);
            for (int i = from; i < Math.min(vectors.length, from + 10_000); i++) {
                chunk.add(new VectorRecord("T-" + i, vectors[i], metadata, 1));
            }
            store.upsert(chunk);
        }
    }

    private double recall(float[][] vectors) {
        int found = 0;
        for (float[] query : queries) {
            Set<String> exact = new HashSet<>();
            for (int index : Datasets.exactTopK(vectors, query, K)) {
                exact.add("T-" + index);
            }
            for (VectorMatch match : store.search(query, K, SearchFilter.NONE)) {
                if (exact.contains(match.ticketId())) {
                    found++;
                }
            }
        }
        return found / (double) (QUERIES * K);
    }

    static String rssMib() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.toString(Long.parseLong(l.replaceAll("\\D", "")) >> 10))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
