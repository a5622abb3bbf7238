package io.triage.classify.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.SentenceEncoders;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 17 goal 4: what one ML-tier answer of the combined model costs when it encodes the ticket itself
 * ({@code predictEncoding}, today) and when it reads a sentence vector computed before ({@code predictWithVector},
 * the vector embedding-service's search returns with {@code includeVector}), per encoder. One thread, generated
 * tickets (three heads, 1,000 training tickets).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SentenceReuseBenchmark {

    @Param({"all-minilm-l6-v2-q", "bge-small-en-v1.5-q"})
    String encoder;

    private ModelBundle bundle;
    private List<LabelledText> texts;
    private List<float[]> vectors;
    private int next;

    @Setup(Level.Trial)
    public void train() {
        TrainingParams d = TrainingParams.defaults();
        TrainingResult result = ModelTrainer.train(Datasets.tickets(1, 1_000), new TrainingParams(d.c(), d.maxIter(),
                d.features(), d.targetPrecision(), d.seed(), d.minClassExamples(), encoder, d.maxNeighbours(),
                d.noveltyShare()));
        bundle = result.bundle();
        if (bundle.sentences() == null) {
            throw new IllegalStateException("the combined model did not win on validation; nothing to measure");
        }
        texts = result.split().test();
        vectors = SentenceEncoders.named(encoder).orElseThrow().encode(texts.stream().map(LabelledText::text).toList());
    }

    @Benchmark
    public Map<String, HeadPrediction> predictEncoding() {
        int i = next++ % texts.size();
        return bundle.predict(texts.get(i).text(), "bench");
    }

    @Benchmark
    public Map<String, HeadPrediction> predictWithVector() {
        int i = next++ % texts.size();
        return bundle.predict(texts.get(i).text(), "bench", vectors.get(i));
    }
}
