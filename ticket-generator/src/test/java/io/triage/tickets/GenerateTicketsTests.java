package io.triage.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTicketsTests {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void writesTheRequestedNumberOfLinesToTheFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tickets.jsonl");
        int status = run("--count", "250", "--seed", "42", "--out", out.toString());
        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(250);
        assertThat(TicketJson.readJsonl(out)).isEqualTo(new TicketGenerator(42).generate(250));
    }

    @Test
    void mainWritesTheFileToo(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("main.jsonl");
        GenerateTickets.main(new String[] {"--count", "5", "--seed", "1", "--out", out.toString()});
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(5);
    }

    @Test
    void writesToStandardOutputWithoutOut() {
        assertThat(run("--count", "3", "--seed", "5")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8).lines()).hasSize(3);
    }

    @Test
    void rejectsMissingCountWithUsage() {
        assertThat(run("--seed", "5")).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--count", "usage");
    }

    @Test
    void rejectsUnknownOptionsAndBadNumbers() {
        assertThat(run("--count", "3", "--colour", "red")).isEqualTo(2);
        assertThat(run("--count", "three")).isEqualTo(2);
        assertThat(stdout.size()).isZero();
    }

    private int run(String... args) {
        return GenerateTickets.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }
}
