package io.triage.audit.archive;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.CheckpointSigner;
import io.triage.audit.checkpoint.Checkpoints;
import io.triage.audit.checkpoint.MerkleTree;
import io.triage.audit.config.AuditProperties;
import io.triage.audit.verify.AuditVerification;
import io.triage.audit.verify.ChainVerifier;
import io.triage.audit.verify.VerificationReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archives months whose partition is old enough: verifies the chain over the month, signs a checkpoint over exactly
 * its events, exports them (without the erasable plain ids) as gzip JSON lines plus a manifest, reads the files
 * back and re-checks hash, chain and Merkle root, and only then records the archive and detaches the partition.
 * Deletes archived files past retention, recording a signed note.
 */
@Service
public class Archiver {

    private static final Logger logger = LoggerFactory.getLogger(Archiver.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final AuditVerification verification;
    private final CheckpointSigner signer;
    private final ArchiveStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditProperties.Archive settings;

    Archiver(JdbcClient jdbc, AuditLog log, Checkpoints checkpoints, AuditVerification verification,
            CheckpointSigner signer, ArchiveStore store, JsonMapper json, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.log = log;
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.signer = signer;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.settings = properties.archive();
    }

    public ArchiveRun run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> archived = new ArrayList<>();
        for (YearMonth month : partitions()) {
            if (!month.plusMonths(1).atDay(1).plus(settings.after()).isAfter(today)) {
                archive(month);
                archived.add(month.toString());
            }
        }
        return new ArchiveRun(archived, applyRetention(today));
    }

    private List<YearMonth> partitions() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'audit_log'::regclass ORDER BY c.relname""")
                .query(String.class).list().stream()
                .map(name -> YearMonth.parse(Objects.requireNonNull(name, "relname is NOT NULL")
                        .substring("audit_log_".length()).replace('_', '-')))
                .toList();
    }

    private void archive(YearMonth month) {
        OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        long[] range = jdbc.sql("SELECT coalesce(min(seq), 0), coalesce(max(seq), -1), count(*) FROM audit_log "
                        + "WHERE recorded_at >= ? AND recorded_at < ?")
                .params(start, start.plusMonths(1))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long from = range[0];
        long to = range[1];
        long events = range[2];
        Checkpoint checkpoint = null;
        if (events > 0) {
            VerificationReport report = verification.verify(from, to);
            if (!report.valid() || events != to - from + 1) {
                throw new IllegalStateException("refusing to archive " + month + ": chain broken at "
                        + report.firstBrokenSeq());
            }
            checkpoint = checkpoints.create(from, to);
        }
        String dataFile = "audit-" + month + ".jsonl.gz";
        String manifestFile = "audit-" + month + ".manifest.json";
        try {
            Path data = Files.createTempFile("audit-archive", ".gz");
            Path manifestPath = Files.createTempFile("audit-manifest", ".json");
            try {
                Link link = export(from, to, data);
                String sha256 = HEX.formatHex(sha256(Files.newInputStream(data)));
                ArchiveManifest manifest = new ArchiveManifest(ArchiveManifest.FORMAT, month.toString(), from, to,
                        events, dataFile, sha256, link.firstPrev(), link.last(), checkpoint,
                        checkpoint == null ? null : checkpoint.statement(), signer.publicKey());
                Files.writeString(manifestPath, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
                store.put(dataFile, data);
                store.put(manifestFile, manifestPath);
                checkArchive(manifest);
                record(manifest, manifestFile, checkpoint);
            } finally {
                Files.deleteIfExists(data);
                Files.deleteIfExists(manifestPath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("archiving " + month + " failed", e);
        }
        jdbc.sql("SELECT detach_archived_partition(?)").param(month.toString()).query().singleValue();
        logger.info("Archived {} ({} events, positions {}..{}) to {}", month, events, from, to, store.location());
    }

    private record Link(@Nullable String firstPrev, @Nullable String last) {
    }

    private Link export(long from, long to, Path data) throws IOException {
        String[] ends = new String[2];
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(data)),
                StandardCharsets.UTF_8))) {
            if (to >= from) {
                log.forEachInRange(from, to, event -> {
                    if (ends[0] == null) {
                        ends[0] = event.prevHash();
                    }
                    ends[1] = event.hash();
                    try {
                        out.write(json.writeValueAsString(withoutPlainIds(event)));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return new Link(ends[0], ends[1]);
    }

    /** Reads the stored files back: file hash, every chain link and the checkpoint's Merkle root must match. */
    private void checkArchive(ArchiveManifest manifest) throws IOException {
        if (!HEX.formatHex(sha256(store.open(manifest.dataFile()))).equals(manifest.dataSha256())) {
            throw new IOException("archive " + manifest.dataFile() + " does not match its SHA-256");
        }
        if (manifest.events() == 0) {
            return;
        }
        ChainVerifier verifier = new ChainVerifier(manifest.fromSeq(), HEX.parseHex(
                Objects.requireNonNull(manifest.firstPrevHash(), "a month with events has a first link")));
        List<byte[]> hashes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(store.open(manifest.dataFile())), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                AuditEvent event = json.readValue(line, AuditEvent.class);
                verifier.accept(event);
                hashes.add(HEX.parseHex(event.hash()));
            }
        }
        boolean intact = verifier.finish(manifest.toSeq(), HEX.parseHex(
                        Objects.requireNonNull(manifest.lastHash(), "a month with events has a last link"))).isEmpty()
                && HEX.formatHex(MerkleTree.root(hashes)).equals(
                        Objects.requireNonNull(manifest.checkpoint(), "a month with events has a checkpoint").root());
        if (!intact) {
            throw new IOException("archive " + manifest.dataFile() + " does not re-verify");
        }
    }

    // JdbcClient.params(Object...) lacks @Nullable on its elements, though it binds a null as SQL NULL just like
    // param(@Nullable Object) does; the last hash and checkpoint id are NULL for a month without events.
    @SuppressWarnings("NullAway")
    private void record(ArchiveManifest manifest, String manifestFile, @Nullable Checkpoint checkpoint) {
        jdbc.sql("""
                INSERT INTO archives (month, from_seq, to_seq, events, data_file, data_sha256, last_hash,
                                      manifest_file, checkpoint_id, archived_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(manifest.month(), manifest.fromSeq(), manifest.toSeq(), manifest.events(),
                        manifest.dataFile(), manifest.dataSha256(),
                        manifest.lastHash() == null ? null : HEX.parseHex(manifest.lastHash()), manifestFile,
                        checkpoint == null ? null : checkpoint.id(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    private List<String> applyRetention(LocalDate today) {
        List<String> deleted = new ArrayList<>();
        jdbc.sql("""
                SELECT month, data_file, manifest_file, data_sha256 FROM archives a
                 WHERE NOT EXISTS (SELECT 1 FROM retention_notes r WHERE r.month = a.month) ORDER BY month""")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list().forEach(archive -> {
                    YearMonth month = YearMonth.parse(archive[0]);
                    if (!month.plusMonths(1).atDay(1).plus(settings.retention()).isAfter(today)) {
                        deleteArchive(archive[0], archive[1], archive[2], archive[3]);
                        deleted.add(archive[0]);
                    }
                });
        return deleted;
    }

    private void deleteArchive(String month, String dataFile, String manifestFile, String sha256) {
        try {
            store.delete(dataFile);
            store.delete(manifestFile);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the archive of " + month + " failed", e);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String note = "triage-audit-retention/v1\nmonth=" + month + "\nfiles=" + dataFile + "," + manifestFile
                + "\ndataSha256=" + sha256 + "\nretention=" + settings.retention() + "\ndeleted="
                + CanonicalForm.time(now.toInstant()) + "\nkey=" + signer.keyId() + "\n";
        jdbc.sql("INSERT INTO retention_notes (month, files, deleted_at, note, key_id, signature) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(month, dataFile + "," + manifestFile, now, note, signer.keyId(), signer.sign(note))
                .update();
        logger.info("Retention: deleted the archive of {} ({})", month, store.location());
    }

    private static AuditEvent withoutPlainIds(AuditEvent e) {
        return new AuditEvent(e.seq(), e.eventId(), e.recordedAt(), e.decidedAt(), e.ticketRef(), e.userRef(), null,
                null, e.modelVersion(), e.ruleSetVersion(), e.routingMethod(), e.prediction(), e.confidence(),
                e.channel(), e.language(), e.customerSegment(), e.tierLatenciesMicros(), e.traceId(), e.prevHash(),
                e.hash());
    }

    private static byte[] sha256(InputStream in) throws IOException {
        MessageDigest sha = CanonicalForm.sha256();
        try (DigestInputStream digest = new DigestInputStream(in, sha)) {
            digest.transferTo(OutputStream.nullOutputStream());
        }
        return sha.digest();
    }
}
