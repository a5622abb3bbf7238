package io.triage.classify.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelBundle;
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
 * Single-ticket latency of the ML tier in-process: vectorise (and, for the combined model, encode the sentence and
 * compare it with the stored neighbours) + every head + top-3 + strongest n-grams, one thread.
 * Sample mode gives percentiles (p50/p99). Models: 77-intent Banking77 (one head) and generated tickets (three
 * heads, 10,000 training tickets).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PredictionBenchmark {

    @Param({"banking77", "tickets"})
    String model;

    /** {@code tfidf}: TF-IDF + LR only; {@code combined}: also encodes the text and votes over the neighbours. */
    @Param({"tfidf", "combined"})
    String kind;

    private ModelBundle bundle;
    private List<LabelledText> texts;
    private int next;

    @Setup(Level.Trial)
    public void train() {
        TrainingResult result = ModelTrainer.train(
                model.equals("banking77") ? Datasets.banking77() : Datasets.tickets(1, 10_000),
                kind.equals("tfidf") ? TrainingParams.defaults().tfidfOnly() : TrainingParams.defaults());
        bundle = result.bundle();
        if (kind.equals("combined") && bundle.sentences() == null) {
            throw new IllegalStateException("the combined model did not win on validation; nothing to measure");
        }
        texts = result.split().test();
    }

    @Benchmark
    public HeadPrediction predictOneTicket() {
        LabelledText text = texts.get(next++ % texts.size());
        return bundle.predict(text.text(), "bench").values().iterator().next();
    }
}
