package io.triage.benchmarks.embedding;

import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference for {@link VectorSearchBenchmark}: exact top-5 by brute force (one thread, scalar dot products)
 * over the same 100,000 vectors held on the heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ExactSearchBenchmark {

    @Param({"random", "clustered"})
    String dataset;

    float[][] vectors;
    float[][] queries;
    int next;

    @Setup
    public void setUp() {
        vectors = Datasets.vectors(dataset, Datasets.SIZE, 1);
        queries = Datasets.vectors(dataset, VectorSearchBenchmark.QUERIES, 2);
    }

    @Benchmark
    public int[] exactTop5() {
        next = (next + 1) % queries.length;
        return Datasets.exactTopK(vectors, queries[next], VectorSearchBenchmark.K);
    }
}
