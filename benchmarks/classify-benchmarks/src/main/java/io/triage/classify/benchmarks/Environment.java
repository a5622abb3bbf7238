package io.triage.classify.benchmarks;

import java.time.LocalDate;

/** The machine line every report starts with. */
final class Environment {

    static final String COMMAND_QUALITY = "mvn -q -f benchmarks/classify-benchmarks/pom.xml package && java "
            + "-Dtriage.data.dir=../shared/data -cp benchmarks/classify-benchmarks/target/benchmarks.jar "
            + "io.triage.classify.benchmarks.ModelQualityReport benchmarks/results/model-quality.md";
    static final String COMMAND_TRAINING = "java -Xmx8g -cp benchmarks/classify-benchmarks/target/benchmarks.jar "
            + "io.triage.classify.benchmarks.TrainingTimes benchmarks/results/model-training.md";

    private Environment() {
    }

    static String describe(LocalDate date) {
        Runtime runtime = Runtime.getRuntime();
        return "Date " + date + "; machine: " + runtime.availableProcessors() + " cores, 24 GiB RAM (shared with "
                + "other builds, load varies); JDK " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.runtime.version") + ", max heap " + runtime.maxMemory() / (1 << 20)
                + " MiB.\n";
    }
}
