package io.triage.classify.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.triage.classify.evaluation.Evaluator;
import io.triage.classify.evaluation.HeadEvaluation;
import io.triage.classify.evaluation.Scored;
import io.triage.classify.evaluation.TrainingReport;
import io.triage.classify.model.FeatureSettings;
import io.triage.classify.model.LinearHead;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.Softmax;
import io.triage.classify.model.SparseVector;
import io.triage.classify.model.TfidfVectorizer;
import org.jspecify.annotations.Nullable;

/**
 * Trains one TF-IDF + logistic-regression head per labelled head: stratified 70/15/15 split, vocabulary and weights
 * from the training part, temperature and per-class thresholds from the validation part, the report from the test
 * part.
 */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    /** Trains on a seeded stratified 70/15/15 split of {@code input}. */
    public static TrainingResult train(TrainingSet input, TrainingParams params) {
        return train(input, params, null);
    }

    /**
     * Trains on {@code input}; with a {@code separateTest} set, {@code input} is split 85/15 into training and
     * validation and the report is measured on {@code separateTest}.
     */
    public static TrainingResult train(TrainingSet input, TrainingParams params,
            @Nullable List<LabelledText> separateTest) {
        long started = System.nanoTime();
        RareClasses.Outcome outcome = RareClasses.handle(input, params.minClassExamples());
        TrainingSet set = outcome.trainingSet();
        requireTwoClassesPerHead(set);
        String stratifyBy = set.heads().getFirst();
        DataSplit split = separateTest == null
                ? DataSplit.stratified(set.examples(), stratifyBy, 0.70, 0.15, params.seed())
                : withTest(DataSplit.stratified(set.examples(), stratifyBy, 0.85, 0.15, params.seed()),
                        separateTest);
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(split.train().stream().map(LabelledText::text).toList(),
                params.features());
        List<SparseVector> train = transform(vectorizer, split.train());
        List<SparseVector> validation = transform(vectorizer, split.validation());
        List<SparseVector> test = transform(vectorizer, split.test());

        Map<String, LinearHead> heads = new LinkedHashMap<>();
        List<HeadEvaluation> evaluations = new ArrayList<>();
        for (String head : set.heads()) {
            List<String> labels = List.copyOf(new TreeSet<>(split.train().stream()
                    .map(e -> e.labels().get(head)).filter(l -> l != null).toList()));
            Labelled trainRows = Labelled.of(head, labels, split.train(), train);
            LiblinearTrainer.Weights w = LiblinearTrainer.train(trainRows.vectors(), trainRows.gold(), labels.size(),
                    vectorizer.size(), params.c(), params.maxIter());
            LinearHead raw = new LinearHead(labels, w.weights(), w.bias(), 1.0, new double[labels.size()]);
            Labelled validationRows = Labelled.of(head, labels, split.validation(), validation);
            double temperature = TemperatureScaling.fit(scores(raw, validationRows), validationRows.gold());
            LinearHead calibrated = new LinearHead(labels, w.weights(), w.bias(), temperature,
                    new double[labels.size()]);
            List<Scored> validationScored = scored(calibrated, validationRows);
            List<Scored> testScored = scored(calibrated, Labelled.of(head, labels, split.test(), test));
            heads.put(head, calibrated.withThresholds(
                    ThresholdSelector.select(validationScored, labels.size(), params.targetPrecision())));
            evaluations.add(Evaluator.evaluate(head, labels, validationScored, testScored,
                    (scored, target) -> ThresholdSelector.select(scored, labels.size(), target)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        FeatureSettings f = params.features();
        TrainingReport report = new TrainingReport(params.c(), params.maxIter(),
                "word %d-%d, char %d-%d, min_df %d".formatted(f.wordMin(), f.wordMax(), f.charMin(), f.charMax(),
                        f.minDf()),
                params.targetPrecision(), params.seed(), input.fingerprint(), set.examples().size(),
                split.train().size(), split.validation().size(), split.test().size(), vectorizer.size(), millis,
                outcome.warnings(), evaluations);
        return new TrainingResult(new ModelBundle(vectorizer, heads), report, split);
    }

    private static DataSplit withTest(DataSplit trainAndValidation, List<LabelledText> test) {
        return new DataSplit(trainAndValidation.train(), trainAndValidation.validation(), test);
    }

    private static void requireTwoClassesPerHead(TrainingSet set) {
        for (String head : set.heads()) {
            TreeSet<String> classes = new TreeSet<>();
            set.examples().forEach(e -> {
                String label = e.labels().get(head);
                if (label != null) {
                    classes.add(label);
                }
            });
            if (classes.size() < 2) {
                throw new TrainingDataException("head '" + head + "' has " + (classes.isEmpty() ? "no class"
                        : "a single class " + classes) + " (after rare-class handling); a classifier needs two");
            }
        }
    }

    private static List<SparseVector> transform(TfidfVectorizer vectorizer, List<LabelledText> examples) {
        return examples.parallelStream().map(e -> vectorizer.transform(e.text())).toList();
    }

    private static double[][] scores(LinearHead head, Labelled rows) {
        return rows.vectors().stream().map(head::scores).toArray(double[][]::new);
    }

    private static List<Scored> scored(LinearHead head, Labelled rows) {
        List<Scored> scored = new ArrayList<>(rows.vectors().size());
        for (int i = 0; i < rows.vectors().size(); i++) {
            double[] p = Softmax.withTemperature(head.scores(rows.vectors().get(i)), head.temperature());
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            scored.add(new Scored(rows.gold()[i], best, p[best]));
        }
        return scored;
    }

    /** The examples of a split that carry a known label of one head, with their vectors and class indices. */
    private record Labelled(List<SparseVector> vectors, int[] gold) {

        static Labelled of(String head, List<String> labels, List<LabelledText> examples,
                List<SparseVector> vectors) {
            List<SparseVector> kept = new ArrayList<>();
            List<Integer> gold = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                String label = examples.get(i).labels().get(head);
                int k = label == null ? -1 : labels.indexOf(label);
                if (k >= 0) {
                    kept.add(vectors.get(i));
                    gold.add(k);
                }
            }
            return new Labelled(kept, gold.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
