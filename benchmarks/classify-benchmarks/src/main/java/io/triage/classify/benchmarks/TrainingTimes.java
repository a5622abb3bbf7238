package io.triage.classify.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingResult;
import io.triage.classify.training.TrainingSet;

/**
 * Writes {@code model-training.md}: wall and CPU time of a full training run (split, TF-IDF, three heads, calibration,
 * thresholds, evaluation) of the TF-IDF model alone on 10,000 and 100,000 generated tickets and on Banking77, and of both
 * candidate models (TF-IDF and the combined sentence-vector model, which encodes every text), plus the tracking cost (artifact
 * encoding + checksum). One run each, not JMH: a run takes seconds to minutes. Usage: {@code TrainingTimes <out.md>}.
 */
public final class TrainingTimes {

    private TrainingTimes() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder md = new StringBuilder("# Model training time (classify-service ML tier)\n\n");
        md.append(Environment.describe(LocalDate.now())).append('\n');
        md.append("Command: `").append(Environment.COMMAND_TRAINING).append("`\n\n");
        md.append("| data | models trained | examples | TF-IDF features | wall time | process CPU time | heap after | "
                + "artifact | encode + SHA-256 |\n|---|---|---|---|---|---|---|---|---|\n");
        TrainingParams tfidfOnly = TrainingParams.defaults().tfidfOnly();
        for (int count : new int[] {10_000, 100_000}) {
            row(md, "generated tickets (3 heads)", Datasets.tickets(1, count), tfidfOnly);
        }
        row(md, "Banking77 train.csv (77 intents)", Datasets.banking77(), tfidfOnly);
        row(md, "generated tickets (3 heads)", Datasets.tickets(1, 10_000), TrainingParams.defaults());
        row(md, "Banking77 train.csv (77 intents)", Datasets.banking77(), TrainingParams.defaults());
        Files.writeString(Path.of(args[0]), md.toString());
        System.out.println(md);
    }

    private static void row(StringBuilder md, String name, TrainingSet data, TrainingParams params) {
        System.gc();
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        TrainingResult result = ModelTrainer.train(data, params);
        long wall = System.nanoTime() - started;
        long cpuUsed = processCpuNanos() - cpu;
        Runtime runtime = Runtime.getRuntime();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long encodeStarted = System.nanoTime();
        byte[] artifact = ArtifactCodec.encode(result.bundle());
        ArtifactCodec.sha256(artifact);
        long encode = System.nanoTime() - encodeStarted;
        String models = params.sentenceEncoder() == null ? "TF-IDF + LR"
                : "TF-IDF + LR and combined (kept: " + result.report().model() + ")";
        md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f s | %.1f s | %,d MiB | %.1f MiB | %.2f s |%n",
                name, models, data.examples().size(), result.report().vocabularySize(), wall / 1e9, cpuUsed / 1e9, heap,
                artifact.length / 1048576.0, encode / 1e9));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
