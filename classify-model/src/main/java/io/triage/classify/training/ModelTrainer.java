package io.triage.classify.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import de.bwaldvogel.liblinear.Feature;
import io.triage.classify.evaluation.Evaluator;
import io.triage.classify.evaluation.HeadEvaluation;
import io.triage.classify.evaluation.ModelScore;
import io.triage.classify.evaluation.Scored;
import io.triage.classify.evaluation.TrainingReport;
import io.triage.classify.model.FeatureSettings;
import io.triage.classify.model.LinearHead;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.ModelBundle.Features;
import io.triage.classify.model.NeighbourVote;
import io.triage.classify.model.SentenceEncoder;
import io.triage.classify.model.SentenceEncoders;
import io.triage.classify.model.SentenceFeatures;
import io.triage.classify.model.SparseVector;
import io.triage.classify.model.TfidfVectorizer;
import org.jspecify.annotations.Nullable;

/**
 * Trains the ML tier's candidate models on a stratified 70/15/15 split and keeps the one with the best validation
 * macro-F1: TF-IDF + logistic regression, and — with a sentence encoder — the combined model (logistic regression
 * over TF-IDF features plus the sentence vector, blended with a vote of the nearest training examples). Vocabulary
 * and weights come from the training part; temperature, neighbour-vote settings and per-class thresholds from the
 * validation part; the report from the test part.
 */
public final class ModelTrainer {

    /** Neighbour-vote settings tried on the validation split (k × sharpness × weight of the linear model). */
    private static final int[] VOTE_K = {5, 10, 20};
    private static final double[] VOTE_SHARPNESS = {10, 20, 40};
    private static final double[] VOTE_WEIGHT = {0.2, 0.4, 0.6, 0.8, 1.0};
    /** Texts encoded between two progress reports. */
    private static final int ENCODING_BATCH = 256;

    private ModelTrainer() {
    }

    /** Trains on a seeded stratified 70/15/15 split of {@code input}. */
    public static TrainingResult train(TrainingSet input, TrainingParams params) {
        return train(input, params, null, TrainingProgress.NONE);
    }

    /**
     * Checks what can be checked before any work: rare classes handled as training would, at least two classes per
     * head. Lets a caller refuse unusable data at once, before starting a long run.
     *
     * @throws TrainingDataException naming the head that cannot be trained
     */
    public static void validate(TrainingSet input, TrainingParams params) {
        requireTwoClassesPerHead(RareClasses.handle(input, params.minClassExamples()).trainingSet());
    }

    /**
     * Trains on {@code input}; with a {@code separateTest} set, {@code input} is split 85/15 into training and
     * validation and the report is measured on {@code separateTest}.
     */
    public static TrainingResult train(TrainingSet input, TrainingParams params,
            @Nullable List<LabelledText> separateTest) {
        return train(input, params, separateTest, TrainingProgress.NONE);
    }

    /** As {@link #train(TrainingSet, TrainingParams, List)}, telling {@code progress} where it is. */
    public static TrainingResult train(TrainingSet input, TrainingParams params,
            @Nullable List<LabelledText> separateTest, TrainingProgress progress) {
        long started = System.nanoTime();
        RareClasses.Outcome outcome = RareClasses.handle(input, params.minClassExamples());
        TrainingSet set = outcome.trainingSet();
        requireTwoClassesPerHead(set);
        String stratifyBy = set.heads().getFirst();
        DataSplit split = separateTest == null
                ? DataSplit.stratified(set.examples(), stratifyBy, 0.70, 0.15, params.seed())
                : withTest(DataSplit.stratified(set.examples(), stratifyBy, 0.85, 0.15, params.seed()),
                        separateTest);
        progress.report("vectorising", 0, 1);
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(split.train().stream().map(LabelledText::text).toList(),
                params.features());
        Parts<SparseVector> tfidf = new Parts<>(transform(vectorizer, split.train()),
                transform(vectorizer, split.validation()), transform(vectorizer, split.test()));
        progress.report("vectorising", 1, 1);
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (String head : set.heads()) {
            labels.put(head, List.copyOf(new TreeSet<>(split.train().stream()
                    .map(e -> e.labels().get(head)).filter(l -> l != null).toList())));
        }

        List<Candidate> candidates = new ArrayList<>();
        List<ModelScore> scores = new ArrayList<>();
        // Encoding first, so that progress reads vectorising → encoding → training and never goes back.
        @Nullable SentenceEncoder encoder = params.sentenceEncoder() == null ? null
                : SentenceEncoders.named(params.sentenceEncoder()).orElseThrow();
        @Nullable Parts<float[]> sentences = encoder == null ? null : encode(encoder, split, progress);
        HeadProgress heads = new HeadProgress(progress, labels.size() * (encoder == null ? 1 : 2));
        Candidate plain = linearCandidate(vectorizer, null, labels, split, tfidf, tfidf.train(), null, params, heads);
        candidates.add(plain);
        if (encoder != null && sentences != null) {
            // The training part is shuffled (seeded), so its first maxNeighbours examples are a random sample.
            int neighbours = Math.min(params.maxNeighbours(), split.train().size());
            float[] rows = new float[neighbours * encoder.dimension()];
            for (int i = 0; i < neighbours; i++) {
                System.arraycopy(sentences.train().get(i), 0, rows, i * encoder.dimension(), encoder.dimension());
            }
            SentenceFeatures base = new SentenceFeatures(encoder, 1f, -1f, rows, Map.of());
            List<SparseVector> trainX = IntStream.range(0, split.train().size()).parallel()
                    .mapToObj(i -> base.extend(tfidf.train().get(i), sentences.train().get(i), vectorizer.size()))
                    .toList();
            Candidate combined = linearCandidate(vectorizer, base, labels, split, tfidf, trainX, sentences, params,
                    heads);
            candidates.add(combined);
            scores.addAll(combined.diagnostics());
        }
        Candidate kept = candidates.stream()
                .max(Comparator.comparingDouble(Candidate::validationMacroF1)).orElseThrow();
        for (Candidate c : candidates) {
            scores.add(c.score(c == kept));
        }
        scores.sort(Comparator.comparing(ModelScore::model));
        long millis = (System.nanoTime() - started) / 1_000_000;
        FeatureSettings f = params.features();
        TrainingReport report = new TrainingReport(params.c(), params.maxIter(),
                "word %d-%d, char %d-%d, min_df %d".formatted(f.wordMin(), f.wordMax(), f.charMin(), f.charMax(),
                        f.minDf()),
                params.targetPrecision(), params.seed(), input.fingerprint(), set.examples().size(),
                split.train().size(), split.validation().size(), split.test().size(), vectorizer.size(), millis,
                outcome.warnings(), kept.evaluations(), kept.bundle().kind(), scores,
                kept.bundle().sentences() == null ? null : (double) kept.bundle().sentences().noveltyFloor());
        return new TrainingResult(kept.bundle(), report, split);
    }

    /**
     * One candidate: a calibrated logistic-regression head per head over {@code x} (TF-IDF, with {@code sentences}
     * followed by the sentence vector); with {@code sentences}, also the neighbour vote per head, chosen on
     * validation.
     */
    private static Candidate linearCandidate(TfidfVectorizer vectorizer, @Nullable SentenceFeatures sentences,
            Map<String, List<String>> labels, DataSplit split, Parts<SparseVector> tfidf, List<SparseVector> trainX,
            @Nullable Parts<float[]> sentenceVectors, TrainingParams params, HeadProgress progress) {
        int features = vectorizer.size() + (sentences == null ? 0 : sentences.encoder().dimension());
        Map<String, LinearHead> heads = new LinkedHashMap<>();
        ModelBundle shape = new ModelBundle(vectorizer, Map.of(), sentences);
        List<SparseVector> validationX = IntStream.range(0, tfidf.validation().size()).parallel()
                .mapToObj(i -> shape.features(tfidf.validation().get(i),
                        sentenceVectors == null ? null : sentenceVectors.validation().get(i), false).x())
                .toList();
        Feature[][] matrix = LiblinearTrainer.matrix(trainX, features);
        // Heads train concurrently (each also spreads its one-vs-rest problems), so small heads fill idle cores.
        Map<String, LinearHead> trained = new ConcurrentHashMap<>();
        labels.entrySet().parallelStream().forEach(entry -> {
            String head = entry.getKey();
            List<String> classes = entry.getValue();
            Labelled rows = Labelled.of(head, classes, split.train());
            LiblinearTrainer.Weights w = LiblinearTrainer.train(rows.pick(matrix), rows.gold(), classes.size(),
                    features, params.c(), params.maxIter());
            LinearHead raw = new LinearHead(classes, w.weights(), w.bias(), 1.0, new double[classes.size()]);
            Labelled validationRows = Labelled.of(head, classes, split.validation());
            double[][] scores = validationRows.pick(validationX).stream().map(raw::scores).toArray(double[][]::new);
            trained.put(head, new LinearHead(classes, w.weights(), w.bias(),
                    TemperatureScaling.fit(scores, validationRows.gold()), new double[classes.size()]));
            progress.headDone();
        });
        labels.keySet().forEach(head -> heads.put(head, trained.get(head)));
        if (sentences == null) {
            ModelBundle plain = new ModelBundle(vectorizer, heads);
            return evaluate(plain, labels, scoreAll(List.of(plain), labels, split.validation(), tfidf.validation(),
                    null).getFirst(), scoreAll(List.of(plain), labels, split.test(), tfidf.test(), null).getFirst(),
                    params.targetPrecision());
        }
        VoteChoice choice = chooseVotes(new ModelBundle(vectorizer, heads, sentences), labels, split, tfidf,
                sentenceVectors);
        SentenceFeatures chosen = sentences.withVotes(choice.votes())
                .withNoveltyFloor(noveltyFloor(choice.highestSimilarity(), params.noveltyShare()));
        // The combined model, then each half alone for the report: the linear model (weight 1) and the vote (0).
        // All three read the same features, so each text's similarities are computed once for the three.
        List<ModelBundle> variants = new ArrayList<>(List.of(new ModelBundle(vectorizer, heads, chosen)));
        for (double weight : new double[] {1.0, 0.0}) {
            Map<String, NeighbourVote> votes = new LinkedHashMap<>();
            chosen.votes().forEach((head, vote) -> votes.put(head, vote.withWeight(weight)));
            variants.add(new ModelBundle(vectorizer, heads, chosen.withVotes(votes)));
        }
        List<Map<String, List<Scored>>> validation = scoreAll(variants, labels, split.validation(),
                tfidf.validation(), sentenceVectors.validation());
        List<Map<String, List<Scored>>> test = scoreAll(variants, labels, split.test(), tfidf.test(),
                sentenceVectors.test());
        String encoder = sentences.encoder().name();
        return evaluate(variants.getFirst(), labels, validation.get(0), test.get(0), params.targetPrecision())
                .withDiagnostics(List.of(
                        evaluate(variants.get(1), labels, validation.get(1), test.get(1), params.targetPrecision())
                                .named("tfidf+" + encoder + "-lr"),
                        evaluate(variants.get(2), labels, validation.get(2), test.get(2), params.targetPrecision())
                                .named(encoder + "-knn")));
    }

    /** The vote settings chosen per head, and each validation text's similarity to its nearest stored example. */
    private record VoteChoice(Map<String, NeighbourVote> votes, double[] highestSimilarity) {
    }

    /** The similarity below which {@code share} of the validation texts lie; -1 (never novel) for share 0. */
    private static float noveltyFloor(double[] highestSimilarity, double share) {
        if (share <= 0 || highestSimilarity.length == 0) {
            return -1f;
        }
        double[] sorted = highestSimilarity.clone();
        Arrays.sort(sorted);
        return (float) sorted[(int) Math.floor(share * (sorted.length - 1))];
    }

    /**
     * Per head, the neighbour-vote settings (k, sharpness, weight of the linear model) with the lowest validation
     * log-loss of the blended probabilities. Each validation text's similarities are computed once.
     */
    private static VoteChoice chooseVotes(ModelBundle linear, Map<String, List<String>> labels,
            DataSplit split, Parts<SparseVector> tfidf, Parts<float[]> sentenceVectors) {
        SentenceFeatures sentences = linear.sentences();
        List<String> headNames = List.copyOf(labels.keySet());
        List<NeighbourVote> grid = new ArrayList<>();
        for (String head : headNames) {
            List<String> classes = labels.get(head);
            int[] neighbourLabels = new int[sentences.neighbourCount()];
            for (int i = 0; i < neighbourLabels.length; i++) {
                String label = split.train().get(i).labels().get(head);
                neighbourLabels[i] = label == null ? -1 : classes.indexOf(label);
            }
            for (int k : VOTE_K) {
                for (double sharpness : VOTE_SHARPNESS) {
                    grid.add(new NeighbourVote(neighbourLabels, k, sharpness, 0.0));
                }
            }
        }
        int perHead = VOTE_K.length * VOTE_SHARPNESS.length;
        int examples = split.validation().size();
        double[] highest = new double[examples];
        // loss[h][g][w]: summed over the examples, per head, grid point and weight.
        double[][][] loss = IntStream.range(0, examples).parallel().mapToObj(i -> {
            double[][][] one = new double[headNames.size()][perHead][VOTE_WEIGHT.length];
            Features f = linear.features(tfidf.validation().get(i), sentenceVectors.validation().get(i), true);
            float top = -1;
            for (float similarity : f.similarities()) {
                top = Math.max(top, similarity);
            }
            highest[i] = top;
            for (int h = 0; h < headNames.size(); h++) {
                String label = split.validation().get(i).labels().get(headNames.get(h));
                int gold = label == null ? -1 : labels.get(headNames.get(h)).indexOf(label);
                if (gold < 0) {
                    continue;
                }
                double linearP = linear.heads().get(headNames.get(h)).probabilities(f.x())[gold];
                for (int g = 0; g < perHead; g++) {
                    double voteP = grid.get(h * perHead + g)
                            .vote(f.similarities(), labels.get(headNames.get(h)).size())[gold];
                    for (int w = 0; w < VOTE_WEIGHT.length; w++) {
                        double p = VOTE_WEIGHT[w] * linearP + (1 - VOTE_WEIGHT[w]) * voteP;
                        one[h][g][w] = -Math.log(Math.max(p, 1e-12));
                    }
                }
            }
            return one;
        }).reduce(new double[headNames.size()][perHead][VOTE_WEIGHT.length], ModelTrainer::sum);
        Map<String, NeighbourVote> chosen = new LinkedHashMap<>();
        for (int h = 0; h < headNames.size(); h++) {
            int bestG = 0;
            int bestW = VOTE_WEIGHT.length - 1;
            for (int g = 0; g < perHead; g++) {
                for (int w = 0; w < VOTE_WEIGHT.length; w++) {
                    if (loss[h][g][w] < loss[h][bestG][bestW]) {
                        bestG = g;
                        bestW = w;
                    }
                }
            }
            chosen.put(headNames.get(h), grid.get(h * perHead + bestG).withWeight(VOTE_WEIGHT[bestW]));
        }
        return new VoteChoice(chosen, highest);
    }

    private static double[][][] sum(double[][][] a, double[][][] b) {
        double[][][] out = new double[a.length][a[0].length][a[0][0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                for (int k = 0; k < a[i][j].length; k++) {
                    out[i][j][k] = a[i][j][k] + b[i][j][k];
                }
            }
        }
        return out;
    }

    /** Thresholds from validation, then the test report, for a calibrated bundle and its scored predictions. */
    private static Candidate evaluate(ModelBundle bundle, Map<String, List<String>> labels,
            Map<String, List<Scored>> validation, Map<String, List<Scored>> test, double targetPrecision) {
        Map<String, LinearHead> withThresholds = new LinkedHashMap<>();
        List<HeadEvaluation> evaluations = new ArrayList<>();
        double[] sums = new double[4];
        labels.forEach((head, classes) -> {
            withThresholds.put(head, bundle.heads().get(head).withThresholds(
                    ThresholdSelector.select(validation.get(head), classes.size(), targetPrecision)));
            evaluations.add(Evaluator.evaluate(head, classes, validation.get(head), test.get(head),
                    (scored, target) -> ThresholdSelector.select(scored, classes.size(), target)));
            double[] v = Evaluator.accuracyAndMacroF1(classes, validation.get(head));
            double[] t = Evaluator.accuracyAndMacroF1(classes, test.get(head));
            sums[0] += v[0];
            sums[1] += v[1];
            sums[2] += t[0];
            sums[3] += t[1];
        });
        int n = labels.size();
        ModelBundle kept = new ModelBundle(bundle.vectorizer(), withThresholds, bundle.sentences());
        return new Candidate(kept, evaluations, new ModelScore(kept.kind(), sums[0] / n, sums[1] / n, sums[2] / n,
                sums[3] / n, false), List.of());
    }

    /**
     * Per bundle and head, the scored predictions for a split part. The bundles share their features (vectoriser
     * and sentence part), so each example's features are computed once for all of them.
     */
    private static List<Map<String, List<Scored>>> scoreAll(List<ModelBundle> bundles,
            Map<String, List<String>> labels, List<LabelledText> examples, List<SparseVector> tfidf,
            @Nullable List<float[]> sentences) {
        List<String> headNames = List.copyOf(labels.keySet());
        Scored[][][] scored = new Scored[bundles.size()][headNames.size()][examples.size()];
        IntStream.range(0, examples.size()).parallel().forEach(i -> {
            Features f = bundles.getFirst().features(tfidf.get(i), sentences == null ? null : sentences.get(i), true);
            for (int b = 0; b < bundles.size(); b++) {
                ModelBundle bundle = bundles.get(b);
                boolean novel = bundle.novel(f);
                for (int h = 0; h < headNames.size(); h++) {
                    String label = examples.get(i).labels().get(headNames.get(h));
                    int gold = label == null ? -1 : labels.get(headNames.get(h)).indexOf(label);
                    if (gold < 0) {
                        continue;
                    }
                    double[] p = bundle.probabilities(headNames.get(h), f);
                    int best = 0;
                    for (int k = 1; k < p.length; k++) {
                        if (p[k] > p[best]) {
                            best = k;
                        }
                    }
                    scored[b][h][i] = new Scored(gold, best, p[best], novel);
                }
            }
        });
        List<Map<String, List<Scored>>> byBundle = new ArrayList<>();
        for (Scored[][] perHead : scored) {
            Map<String, List<Scored>> byHead = new LinkedHashMap<>();
            for (int h = 0; h < headNames.size(); h++) {
                List<Scored> kept = new ArrayList<>();
                for (Scored s : perHead[h]) {
                    if (s != null) {
                        kept.add(s);
                    }
                }
                byHead.put(headNames.get(h), kept);
            }
            byBundle.add(byHead);
        }
        return byBundle;
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

    /** Sentence vectors of every part, in batches so that progress shows ({@code encoding n/N}). */
    private static Parts<float[]> encode(SentenceEncoder encoder, DataSplit split, TrainingProgress progress) {
        List<String> texts = new ArrayList<>(split.train().size() + split.validation().size() + split.test().size());
        for (List<LabelledText> part : List.of(split.train(), split.validation(), split.test())) {
            part.forEach(e -> texts.add(e.text()));
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        progress.report("encoding", 0, texts.size());
        for (int from = 0; from < texts.size(); from += ENCODING_BATCH) {
            vectors.addAll(encoder.encode(texts.subList(from, Math.min(texts.size(), from + ENCODING_BATCH))));
            progress.report("encoding", vectors.size(), texts.size());
        }
        int train = split.train().size();
        int validation = split.validation().size();
        return new Parts<>(vectors.subList(0, train), vectors.subList(train, train + validation),
                vectors.subList(train + validation, vectors.size()));
    }

    /** Counts trained heads across the candidates ({@code training k/K}). */
    private static final class HeadProgress {

        private final TrainingProgress progress;
        private final AtomicInteger done = new AtomicInteger();
        private final int total;

        HeadProgress(TrainingProgress progress, int total) {
            this.progress = progress;
            this.total = total;
            progress.report("training", 0, total);
        }

        void headDone() {
            progress.report("training", done.incrementAndGet(), total);
        }
    }

    /** Train, validation and test values of one kind, in split order. */
    private record Parts<T>(List<T> train, List<T> validation, List<T> test) {
    }

    /** A trained candidate, its per-head test evaluations, its averaged scores and any diagnostic rows. */
    private record Candidate(ModelBundle bundle, List<HeadEvaluation> evaluations, ModelScore summary,
            List<ModelScore> diagnostics) {

        double validationMacroF1() {
            return summary.validationMacroF1();
        }

        ModelScore score(boolean kept) {
            return new ModelScore(summary.model(), summary.validationAccuracy(), summary.validationMacroF1(),
                    summary.testAccuracy(), summary.testMacroF1(), kept);
        }

        /** This candidate's scores as a diagnostic row under another name. */
        ModelScore named(String name) {
            return new ModelScore(name, summary.validationAccuracy(), summary.validationMacroF1(),
                    summary.testAccuracy(), summary.testMacroF1(), false);
        }

        Candidate withDiagnostics(List<ModelScore> rows) {
            return new Candidate(bundle, evaluations, summary, rows);
        }
    }

    /** The positions of a split's examples that carry a known label of one head, and their class indices. */
    private record Labelled(int[] positions, int[] gold) {

        static Labelled of(String head, List<String> labels, List<LabelledText> examples) {
            List<Integer> positions = new ArrayList<>();
            List<Integer> gold = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                String label = examples.get(i).labels().get(head);
                int k = label == null ? -1 : labels.indexOf(label);
                if (k >= 0) {
                    positions.add(i);
                    gold.add(k);
                }
            }
            return new Labelled(positions.stream().mapToInt(Integer::intValue).toArray(),
                    gold.stream().mapToInt(Integer::intValue).toArray());
        }

        Feature[][] pick(Feature[][] all) {
            Feature[][] picked = new Feature[positions.length][];
            for (int i = 0; i < positions.length; i++) {
                picked[i] = all[positions[i]];
            }
            return picked;
        }

        <T> List<T> pick(List<T> all) {
            List<T> picked = new ArrayList<>(positions.length);
            for (int position : positions) {
                picked.add(all.get(position));
            }
            return picked;
        }
    }
}
