package io.triage.classify.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;

import io.triage.classify.evaluation.ReuseCalibration;
import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.SentenceEncoder;
import io.triage.classify.model.SentenceEncoders;
import io.triage.classify.training.Heads;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingResult;
import io.triage.classify.training.TrainingSet;
import org.jspecify.annotations.Nullable;

/**
 * Issue 23 item 5, in process: the semantic cache's reuse rules replayed on public data. Banking77's train file is
 * shuffled (seed 42) and cut 80/20 into the cache's labelled history and the queries; CLINC150's 1,000
 * out-of-scope test questions are queried too. A model is trained on the history as classify-service trains one
 * (its own 70/15/15 split, MiniLM sentence features so the cache's vector is the model's), its cache threshold
 * calibrated on its validation split as classify-service does, and every query is answered by the cache rules
 * (bare 0.92; floor + agreement + model; calibrated + agreement + model; jointly calibrated similarity and model
 * probability + agreement + model, see {@link JointReuseCalibration}) or else by the model. Usage:
 * {@code CacheReplay <output.md>} (appends nothing; prints the section to paste beside the generated replay).
 */
public final class CacheReplay {

    private static final String MINILM = "all-minilm-l6-v2-q";
    private static final double FLOOR = 0.92;
    private static final int AGREEING = 3;
    private static final String OUT_OF_SCOPE = "__out_of_scope__";
    private static final int JOINT_MIN_REUSES = 100;

    private CacheReplay() {
    }

    /** One query's model answer and nearest history. */
    private record Query(String gold, HeadPrediction model, double[] similarity, String[] label) {
    }

    /** A cache rule: whether the query's nearest history is reused. */
    private interface Rule {
        boolean reuses(Query q);
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        List<LabelledText> all = new ArrayList<>(Datasets.banking77().examples());
        Collections.shuffle(all, new Random(42));
        int cut = (int) Math.round(all.size() * 0.8);
        List<LabelledText> history = List.copyOf(all.subList(0, cut));
        List<LabelledText> queries = List.copyOf(all.subList(cut, all.size()));
        List<LabelledText> outOfScope = Datasets.clinc150("oos_test");

        SentenceEncoder encoder = SentenceEncoders.embeddingService();
        Map<String, float[]> vectors = new HashMap<>();
        for (List<LabelledText> part : List.of(history, queries, outOfScope)) {
            List<String> texts = part.stream().map(LabelledText::text).toList();
            for (int from = 0; from < texts.size(); from += 256) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + 256));
                List<float[]> encoded = encoder.encode(batch);
                for (int i = 0; i < batch.size(); i++) {
                    vectors.put(batch.get(i), encoded.get(i));
                }
            }
        }
        TrainingParams d = TrainingParams.defaults();
        TrainingParams params = new TrainingParams(d.c(), d.maxIter(), d.features(), d.targetPrecision(), d.seed(),
                d.minClassExamples(), MINILM, d.maxNeighbours(), d.noveltyShare());
        TrainingResult trained = ModelTrainer.train(new TrainingSet(history, List.of(Heads.DEPARTMENT)), params);
        ModelBundle bundle = trained.bundle();
        ReuseCalibration calibration = ReuseCalibration.of(pairs(trained.split().train(),
                trained.split().validation(), vectors), 0.999);
        @Nullable Double calibrated = calibration.threshold();

        List<LabelledText> train = trained.split().train();
        float[][] trainVectors = train.stream().map(e -> vector(vectors, e.text())).toArray(float[][]::new);
        List<Query> validation = answer(trained.split().validation(), train, trainVectors, vectors, bundle, false);
        JointReuseCalibration joint = JointReuseCalibration.of(validation.stream()
                .map(q -> new JointReuseCalibration.Candidate(q.similarity()[0], q.model().confidence(), guarded(q),
                        q.label()[0].equals(q.gold())))
                .toList(), 0.999, JOINT_MIN_REUSES);
        double jointSimilarity = joint.similarity() == null ? Double.POSITIVE_INFINITY : joint.similarity();
        double jointConfidence = joint.confidence() == null ? Double.POSITIVE_INFINITY : joint.confidence();

        float[][] historyVectors = history.stream().map(e -> vector(vectors, e.text())).toArray(float[][]::new);
        List<Query> inScope = answer(queries, history, historyVectors, vectors, bundle, false);
        List<Query> oos = answer(outOfScope, history, historyVectors, vectors, bundle, true);

        Rule bare = q -> q.similarity()[0] >= FLOOR;
        Rule floorGuarded = q -> q.similarity()[0] >= FLOOR && guarded(q);
        Rule jointGuarded = q -> q.similarity()[0] >= jointSimilarity && q.model().confidence() >= jointConfidence
                && guarded(q);
        Rule jointFloorGuarded = q -> q.similarity()[0] >= FLOOR && jointGuarded.reuses(q);
        Rule calibratedGuarded = q -> calibrated != null && q.similarity()[0] >= Math.max(FLOOR, calibrated)
                && guarded(q);

        StringBuilder md = new StringBuilder();
        md.append("## Replay 3: public data, in process (issue 23 item 5)\n\n")
                .append(Environment.describe(LocalDate.now())).append('\n')
                .append("Command: `java -cp benchmarks/classify-benchmarks/target/benchmarks.jar ")
                .append("io.triage.classify.benchmarks.CacheReplay` (after `./mvnw -o -pl benchmarks/")
                .append("classify-benchmarks -am package -DskipTests`); ")
                .append("%.0f s.%n%n".formatted((System.nanoTime() - started) / 1e9))
                .append("Banking77 train.csv shuffled (seed 42) and cut 80/20: **%,d history** questions (embedded with "
                        .formatted(history.size()))
                .append("their intent as the department; the model is trained on them, own 70/15/15 split, MiniLM ")
                .append("sentence features) and **%,d queries**; plus **%,d CLINC150 out-of-scope** test questions. "
                        .formatted(queries.size(), outOfScope.size()))
                .append("Vectors: MiniLM (embedding-service's encoder), in process; exact nearest neighbours. ")
                .append("No feedback (no confirmed outcomes: every reuse is on similarity and agreement alone), no ")
                .append("rules, no LLM, no PII sanitising (Banking77 has none to speak of).\n\n")
                .append("Calibration on the model's validation split (%,d questions vs its %,d training questions): "
                        .formatted(calibration.pairs(), trained.split().train().size()))
                .append(calibration.describe()).append(".\n\n")
                .append("Joint calibration on the same validation split (each validation question's nearest training ")
                .append("question, guarded by top-3 agreement and the model's top candidate; grid of similarity ")
                .append("0.80-0.99 × model probability 0.50-0.99, the pair with the most reuses at precision ≥ 0.999, ")
                .append("at least %d reuses): ".formatted(JOINT_MIN_REUSES))
                .append(joint.describe()).append(".\n\n")
                .append("| cache rule | cache decides | wrong reuses | overall coverage | overall precision | model ")
                .append("alone at equal coverage | out-of-scope answered by the cache |\n|---|---|---|---|---|---|---|\n");
        row(md, "none (model alone, its 0.95 target thresholds)", q -> false, inScope, oos);
        row(md, "bare similarity ≥ 0.92 (before issue 23)", bare, inScope, oos);
        row(md, "≥ 0.92 + top-3 agree + model's top candidate agrees", floorGuarded, inScope, oos);
        row(md, "calibrated (" + (calibrated == null ? "never reached: no reuse"
                : "max(0.92, %.4f)".formatted(calibrated)) + ") + top-3 agree + model agrees", calibratedGuarded,
                inScope, oos);
        String jointName = joint.similarity() == null ? "never reached: no reuse"
                : "similarity ≥ %.2f, model probability ≥ %.2f".formatted(joint.similarity(), joint.confidence());
        row(md, "joint-calibrated (" + jointName + ") + top-3 agree + model agrees", jointGuarded, inScope, oos);
        row(md, "joint-calibrated as above, with the 0.92 floor", jointFloorGuarded, inScope, oos);
        md.append('\n');
        System.out.print(md);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), md);
        }
    }

    private static boolean guarded(Query q) {
        for (int i = 0; i < AGREEING; i++) {
            if (!q.label()[i].equals(q.label()[0])) {
                return false;
            }
        }
        return q.model().label().equals(q.label()[0]);
    }

    private static void row(StringBuilder md, String name, Rule rule, List<Query> inScope, List<Query> oos) {
        int cache = 0;
        int wrong = 0;
        int answered = 0;
        int correct = 0;
        for (Query q : inScope) {
            if (rule.reuses(q)) {
                cache++;
                answered++;
                if (q.label()[0].equals(q.gold())) {
                    correct++;
                } else {
                    wrong++;
                }
            } else if (!q.model().needsReview()) {
                answered++;
                correct += q.model().label().equals(q.gold()) ? 1 : 0;
            }
        }
        int oosCache = (int) oos.stream().filter(rule::reuses).count();
        int n = inScope.size();
        md.append("| ").append(name).append(" | ").append(pct(cache, n)).append(" (%,d)".formatted(cache))
                .append(" | ").append(wrong).append(cache == 0 ? "" : " (" + pct(wrong, cache) + ")")
                .append(" | ").append(pct(answered, n)).append(" | ").append(pct(correct, answered))
                .append(" | ").append(modelAtCoverage(inScope, answered)).append(" | ")
                .append(oosCache).append(" of ").append(oos.size()).append(" |\n");
    }

    /** The model's precision on its {@code answered} most confident queries. */
    private static String modelAtCoverage(List<Query> inScope, int answered) {
        List<Query> byConfidence = new ArrayList<>(inScope);
        byConfidence.sort((a, b) -> Double.compare(b.model().confidence(), a.model().confidence()));
        int correct = 0;
        for (int i = 0; i < answered; i++) {
            correct += byConfidence.get(i).model().label().equals(byConfidence.get(i).gold()) ? 1 : 0;
        }
        return pct(correct, answered);
    }

    private static List<Query> answer(List<LabelledText> examples, List<LabelledText> history,
            float[][] historyVectors, Map<String, float[]> vectors, ModelBundle bundle, boolean outOfScope) {
        return IntStream.range(0, examples.size()).parallel().mapToObj(i -> {
            LabelledText e = examples.get(i);
            float[] v = vector(vectors, e.text());
            int[] best = new int[AGREEING];
            double[] sim = new double[AGREEING];
            Arrays.fill(sim, Double.NEGATIVE_INFINITY);
            for (int j = 0; j < historyVectors.length; j++) {
                double s = dot(v, historyVectors[j]);
                if (s > sim[AGREEING - 1]) {
                    int k = AGREEING - 1;
                    while (k > 0 && sim[k - 1] < s) {
                        sim[k] = sim[k - 1];
                        best[k] = best[k - 1];
                        k--;
                    }
                    sim[k] = s;
                    best[k] = j;
                }
            }
            String[] labels = new String[AGREEING];
            for (int k = 0; k < AGREEING; k++) {
                labels[k] = Objects.requireNonNull(history.get(best[k]).labels().get(Heads.DEPARTMENT));
            }
            HeadPrediction model = Objects.requireNonNull(bundle.predict(e.text(), "replay", v).get(Heads.DEPARTMENT));
            String gold = outOfScope ? OUT_OF_SCOPE : Objects.requireNonNull(e.labels().get(Heads.DEPARTMENT));
            return new Query(gold, model, sim, labels);
        }).toList();
    }

    private static List<ReuseCalibration.Pair> pairs(List<LabelledText> train, List<LabelledText> validation,
            Map<String, float[]> vectors) {
        return validation.parallelStream().map(e -> {
            float[] v = vector(vectors, e.text());
            double best = Double.NEGATIVE_INFINITY;
            String label = null;
            for (LabelledText t : train) {
                double s = dot(v, vector(vectors, t.text()));
                if (s > best) {
                    best = s;
                    label = t.labels().get(Heads.DEPARTMENT);
                }
            }
            return new ReuseCalibration.Pair(best, Objects.equals(label, e.labels().get(Heads.DEPARTMENT)));
        }).toList();
    }

    private static float[] vector(Map<String, float[]> vectors, String text) {
        return Objects.requireNonNull(vectors.get(text), "every text was encoded");
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static String pct(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }
}
