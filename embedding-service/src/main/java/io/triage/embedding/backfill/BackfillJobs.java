package io.triage.embedding.backfill;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import io.triage.embedding.model.EmbeddingModel;
import io.triage.platform.problem.InvalidInputException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts backfills in the background and resumes those whose runner crashed. A file is identified by its content
 * (SHA-256), so posting the same file again resumes or reports it instead of starting over.
 */
@Component
public class BackfillJobs {

    private static final Logger log = LoggerFactory.getLogger(BackfillJobs.class);

    private final Backfills backfills;
    private final BackfillRunner runner;
    private final EmbeddingModel model;
    private final BackfillProperties properties;

    BackfillJobs(Backfills backfills, BackfillRunner runner, EmbeddingModel model, BackfillProperties properties) {
        this.backfills = backfills;
        this.runner = runner;
        this.model = model;
        this.properties = properties;
    }

    /** Opens the backfill of {@code fileName} (in the backfill directory) and runs it unless it is running. */
    public Backfill start(String fileName) {
        Path directory = properties.directory().toAbsolutePath().normalize();
        Path file;
        try {
            file = directory.resolve(fileName).normalize();
        } catch (InvalidPathException e) {
            // e.g. a lone surrogate the file system's encoding cannot hold (found by the fuzz pass, issue 19)
            throw new InvalidInputException("file", "must be a valid file name");
        }
        if (!file.startsWith(directory) || !directory.equals(file.getParent())) {
            throw new InvalidInputException("file", "must name a file directly inside the backfill directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("file", "no such file in the backfill directory");
        }
        Backfill backfill = backfills.open(file.getFileName().toString(), sha256(file), model.name());
        if (backfills.claim(backfill.id(), properties.staleAfter())) {
            runInBackground(backfill.id());
        }
        return backfills.find(backfill.id()).orElseThrow();
    }

    /** Resumes, once per cluster, backfills whose runner stopped moving the checkpoint (a crash or a kill). */
    @Scheduled(fixedDelayString = "${triage.embedding.backfill.resume-interval:PT1M}")
    @SchedulerLock(name = "embedding-backfill-resume")
    void resumeStalled() {
        for (UUID id : backfills.stalled(properties.staleAfter())) {
            if (backfills.claim(id, properties.staleAfter())) {
                log.info("Resuming stalled backfill {}", id);
                runInBackground(id);
            }
        }
    }

    private void runInBackground(UUID id) {
        Thread.ofVirtual().name("backfill-" + id).start(() -> {
            try {
                runner.run(id);
            } catch (RuntimeException e) {
                log.warn("Backfill {} stopped; it resumes once stale", id);
            }
        });
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
