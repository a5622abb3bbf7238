package io.triage.embedding.backfill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.triage.embedding.ticket.EmbeddingPipeline;
import io.triage.embedding.ticket.TicketText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a claimed backfill from its checkpoint to the end of its file, one batch at a time. Each batch's rows, index
 * entries and checkpoint are committed together, so a crash anywhere resumes after the last committed batch: no line
 * is skipped and none is written twice.
 */
public class BackfillRunner {

    private static final Logger log = LoggerFactory.getLogger(BackfillRunner.class);

    private final Backfills backfills;
    private final EmbeddingPipeline pipeline;
    private final Path directory;
    private final int batchSize;

    public BackfillRunner(Backfills backfills, EmbeddingPipeline pipeline, Path directory, int batchSize) {
        this.backfills = backfills;
        this.pipeline = pipeline;
        this.directory = directory;
        this.batchSize = batchSize;
    }

    /** Runs the backfill, which the caller has {@linkplain Backfills#claim claimed}, to completion or failure. */
    public void run(UUID id) {
        Backfill backfill = backfills.find(id).orElseThrow();
        Path file = directory.resolve(backfill.fileName());
        long linesDone = backfill.linesDone();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (long skipped = 0; skipped < linesDone && in.readLine() != null; skipped++) {
                // Lines up to the checkpoint are already committed.
            }
            List<TicketText> batch = new ArrayList<>(batchSize);
            long batchLines = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                batchLines++;
                if (!line.isBlank()) {
                    batch.add(TicketLines.parse(line, linesDone + batchLines));
                }
                if (batchLines == batchSize) {
                    linesDone = commit(id, batch, linesDone, batchLines);
                    batch.clear();
                    batchLines = 0;
                }
            }
            if (batchLines > 0) {
                linesDone = commit(id, batch, linesDone, batchLines);
            }
            backfills.complete(id);
            log.info("Backfill {} of {} completed at line {}", id, backfill.fileName(), linesDone);
        } catch (TicketLines.BadLineException e) {
            backfills.fail(id, e.getMessage());
            log.warn("Backfill {} stopped: {}", id, e.getMessage());
        } catch (IOException e) {
            backfills.fail(id, "cannot read " + backfill.fileName());
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // Left RUNNING on purpose: once its checkpoint goes stale another runner resumes it.
            log.warn("Backfill {} interrupted at line {}; it resumes from there", id, linesDone, e);
            throw e;
        }
    }

    private long commit(UUID id, List<TicketText> batch, long linesDone, long batchLines) {
        pipeline.ingest(batch, () -> backfills.advance(id, linesDone, batchLines, batch.size()));
        return linesDone + batchLines;
    }
}
