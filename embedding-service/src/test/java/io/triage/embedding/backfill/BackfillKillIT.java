package io.triage.embedding.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.embedding.MigratedDatabase;
import io.triage.embedding.reconcile.Reconciler;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills a backfill with SIGKILL in the middle of a batch and shows that resuming it leaves every ticket of the file
 * in Postgres and in the index exactly once: no gap, no duplicate.
 */
class BackfillKillIT {

    static final int TICKETS = 600;
    static final int BATCH = 25;

    @TempDir
    Path work;

    @Test
    void resumeAfterAKillLeavesNoGapAndNoDuplicate() throws Exception {
        MigratedDatabase database = MigratedDatabase.create();
        String jdbcUrl = database.jdbcUrl();
        JdbcClient jdbc = database.jdbc();
        Path backfillDirectory = Files.createDirectories(work.resolve("backfill"));
        Path index = work.resolve("index");
        Set<String> ticketIds = writeTicketFile(backfillDirectory.resolve("tickets.jsonl"));
        Backfills backfills = new Backfills(jdbc);
        Backfill backfill = backfills.open("tickets.jsonl", "sha-of-the-file", "all-minilm-l6-v2-q-384");
        assertThat(backfills.claim(backfill.id(), Duration.ofMinutes(2))).isTrue();

        long killedAt = runAndKill(jdbcUrl, backfillDirectory, index, backfill.id(), jdbc);

        assertThat(killedAt).as("killed after some batches, before the end").isBetween((long) BATCH,
                (long) TICKETS - 1);
        assertThat(killedAt % BATCH).as("the checkpoint only moves by whole batches").isZero();
        assertThat(rowCount(jdbc)).as("rows committed exactly up to the checkpoint").isEqualTo(killedAt);

        BackfillProcess.BackfillWiring resumed = BackfillProcess.BackfillWiring.open(jdbcUrl, "postgres",
                backfillDirectory, index, BATCH);
        try {
            assertThat(backfills.claim(backfill.id(), Duration.ZERO)).as("a silent runner can be taken over")
                    .isTrue();
            resumed.runner().run(backfill.id());

            Backfill done = backfills.find(backfill.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(Backfill.Status.COMPLETED);
            assertThat(done.linesDone()).isEqualTo(TICKETS);
            assertThat(done.ticketsDone()).as("each line counted once").isEqualTo(TICKETS);
            assertThat(rowCount(jdbc)).isEqualTo(TICKETS);
            assertThat(storedIds(jdbc)).isEqualTo(ticketIds);
            Map<String, Long> indexed = resumed.store().revisions();
            assertThat(resumed.store().count()).as("no duplicate index entry").isEqualTo(TICKETS);
            assertThat(indexed.keySet()).isEqualTo(ticketIds);
            assertThat(new Reconciler(resumed.rows(), resumed.store(), new SimpleMeterRegistry()).reconcile()
                    .consistent()).as("index and Postgres agree without repair").isTrue();
        } finally {
            resumed.close();
        }
    }

    private long runAndKill(String jdbcUrl, Path backfillDirectory, Path index, UUID id, JdbcClient jdbc)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BackfillProcess.class.getName(), jdbcUrl, "postgres", backfillDirectory.toString(),
                index.toString(), Integer.toString(BATCH), id.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("child.log").toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> linesDone(jdbc, id) >= 3L * BATCH || !child.isAlive());
            // Killed right after the third batch committed: the child goes straight on to embed the fourth, so the
            // kill lands mid-batch without a pause of ours deciding it.
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        return linesDone(jdbc, id);
    }

    private static Set<String> writeTicketFile(Path file) throws Exception {
        List<SyntheticTicket> tickets = new TicketGenerator(42).generate(TICKETS);
        StringBuilder lines = new StringBuilder();
        for (SyntheticTicket t : tickets) {
            lines.append("""
                    {"ticketId":"%s","customerId":"%s","text":%s,"createdAt":"2026-10-01T00:00:00Z",\
                    "department":"%s","urgency":"%s","sentiment":"%s"}
                    """.formatted(t.ticketId(), t.customerId(), quoted(t.subject() + ". " + t.description()),
                    t.department(), t.urgency(), t.sentiment()));
        }
        Files.writeString(file, lines);
        return tickets.stream().map(SyntheticTicket::ticketId).collect(Collectors.toSet());
    }

    private static String quoted(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }

    private static long linesDone(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT lines_done FROM backfills WHERE id = ?").param(id).query(Long.class).single();
    }

    private static long rowCount(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM ticket_embeddings").query(Long.class).single();
    }

    private static Set<String> storedIds(JdbcClient jdbc) {
        return Set.copyOf(jdbc.sql("SELECT ticket_id FROM ticket_embeddings").query(String.class).list());
    }
}
