package io.triage.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.training.GeneratedTickets;
import io.triage.classify.training.LabelledText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: arguments in, exit code, standard output and error, files out. */
class ModelCommandLineTests {

    @TempDir
    static Path dir;
    static Path tickets;

    @BeforeAll
    static void writeTrainingFile() throws IOException {
        StringBuilder csv = new StringBuilder("text,department,urgency,sentiment\n");
        for (LabelledText example : GeneratedTickets.trainingSet(3, 300).examples()) {
            csv.append('"').append(example.text().replace("\"", "\"\"")).append('"');
            for (String head : new String[] {"department", "urgency", "sentiment"}) {
                csv.append(',').append('"').append(example.labels().get(head)).append('"');
            }
            csv.append('\n');
        }
        tickets = Files.writeString(dir.resolve("tickets.csv"), csv);
    }

    @Test
    void onlyTrainAndEvaluateAreTheCommandLine() {
        assertThat(ModelCommandLine.handles(new String[] {"train", "--data", "x.csv"})).isTrue();
        assertThat(ModelCommandLine.handles(new String[] {"evaluate"})).isTrue();
        assertThat(ModelCommandLine.handles(new String[] {"--server.port=8080"})).isFalse();
        assertThat(ModelCommandLine.handles(new String[0])).isFalse();
    }

    @Test
    void trainPrintsTheReportAndWritesModelChecksumAndReports() throws IOException {
        Path model = dir.resolve("model.bin");
        Run run = run("train", "--data", tickets.toString(), "--out", model.toString(), "--sentence-encoder",
                "none", "--seed", "7", "--c", "5", "--max-iter", "500", "--target-precision", "0.9",
                "--report", dir.resolve("r.md").toString(), "--json", dir.resolve("r.json").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("department").contains("macro").endsWith("model written to " + model
                + System.lineSeparator());
        assertThat(run.err()).isEmpty();
        String checksum = Files.readString(dir.resolve("model.bin.sha256")).strip();
        ModelBundle bundle = ArtifactCodec.decode(Files.readAllBytes(model), checksum);
        assertThat(bundle.kind()).isEqualTo("tfidf-lr");
        assertThat(bundle.sentences()).isNull();
        assertThat(run.out()).startsWith(Files.readString(dir.resolve("r.md")));
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"heads\"").contains("\"department\"");
    }

    @Test
    void evaluateWritesNoModel() throws IOException {
        Run run = run("evaluate", "--data", tickets.toString(), "--sentence-encoder", "none",
                "--column", "urgency=urgency");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("department").doesNotContain("model written");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".sha256")
                    && !f.equals("model.bin.sha256"));
        }
    }

    @Test
    void unknownOptionIsNamedWithExitCodeTwo() {
        Run run = run("evaluate", "--data", tickets.toString(), "--max-iterations", "10");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option").contains("'--max-iterations'")
                .contains("Possible solutions: --max-iter");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingRequiredOptionIsNamed() {
        Run run = run("train", "--data", tickets.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void optionWithoutItsValueIsNamed() {
        Run run = run("evaluate", "--data");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--data");
    }

    @Test
    void numberThatIsNotANumberIsNamed() {
        Run run = run("evaluate", "--data", tickets.toString(), "--c", "ten");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--c").contains("ten");
    }

    @Test
    void badColumnMappingIsExplained() {
        Run run = run("evaluate", "--data", tickets.toString(), "--column", "category");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--column").contains("a column mapping is source=head");
    }

    @Test
    void unusableDataIsAnErrorWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.csv"), "text,departmnet\nhello,Billing\n");
        Run run = run("evaluate", "--data", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: line 2: unknown column 'departmnet'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingDataFileIsAnError() {
        Run run = run("evaluate", "--data", dir.resolve("absent.csv").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("absent.csv");
    }

    @Test
    void invalidParameterIsAnError() {
        Run run = run("evaluate", "--data", tickets.toString(), "--novelty-share", "0.9");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: invalid training parameters").contains("novelty share=0.9");
    }

    @Test
    void helpListsTheOptions() {
        Run run = run("train", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: classify-model train").contains("--data").contains("--out")
                .contains("--sentence-encoder").contains("--novelty-share");
    }

    @Test
    void withoutCommandTheUsageIsShown() {
        Run run = run();
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("train").contains("evaluate");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModelCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
