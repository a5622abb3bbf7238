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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.chain.ChainHasher;
import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.CheckpointSigner;
import io.triage.audit.checkpoint.Checkpoints;
import io.triage.audit.checkpoint.MerkleTree;
import io.triage.audit.config.AuditProperties;
import io.triage.audit.manifest.ArchivedMonth;
import io.triage.audit.manifest.ManifestSigner;
import io.triage.audit.manifest.ManifestStatement;
import io.triage.audit.manifest.VerifiedArchives;
import io.triage.audit.verify.ArchivedRanges;
import io.triage.audit.verify.AuditVerification;
import io.triage.audit.verify.ChainVerifier;
import io.triage.audit.verify.VerificationReport;
import io.triage.platform.problem.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archives months whose partition is old enough (never the current month): verifies the chain over the month,
 * signs a checkpoint over exactly its events, writes them (without the erasable plain ids) as gzip JSON lines to
 * the archive store, reads the stored file back and re-checks count, first and last position, every chain link
 * and the Merkle root, signs a manifest of what it verified (archiver key), stores and re-reads it, and only then,
 * as the archiver database role, records the manifest and detaches the partition. Only a durable store may hold
 * the only copy of a month: with another one the files are written but the partition is kept (counted by
 * {@code audit_archive_detach_refused_total}, listed as a finding). Deletes archived files past retention, recording
 * a signed note.
 */
@Service
public class Archiver {

    private static final Logger logger = LoggerFactory.getLogger(Archiver.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final ChainHasher hasher;
    private final Checkpoints checkpoints;
    private final AuditVerification verification;
    private final CheckpointSigner signer;
    private final ManifestSigner manifestSigner;
    private final VerifiedArchives verifiedArchives;
    private final ArchiverDatabase archiverDatabase;
    private final ArchiveStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditProperties.Archive settings;
    private final Counter detachRefused;

    Archiver(JdbcClient jdbc, AuditLog log, ChainHasher hasher, Checkpoints checkpoints,
            AuditVerification verification, CheckpointSigner signer, ManifestSigner manifestSigner,
            VerifiedArchives verifiedArchives, ArchiverDatabase archiverDatabase, ArchiveStore store, JsonMapper json, Clock clock,
            AuditProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.log = log;
        this.hasher = hasher;
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.signer = signer;
        this.manifestSigner = manifestSigner;
        this.verifiedArchives = verifiedArchives;
        this.archiverDatabase = archiverDatabase;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.settings = properties.archive();
        this.detachRefused = Counter.builder("audit_archive_detach_refused")
                .description("Archive runs that kept a due month's partition because the store is not durable")
                .tag("reason", "store_not_durable").register(meters);
    }

    public ArchiveRun run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> archived = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (YearMonth month : dueMonths(today)) {
            if (store.durable()) {
                if (!hasVerifiedManifest(month)) {
                    SignedManifest manifest = archive(month);
                    archiverDatabase.recordManifest(manifest.statement(), manifest.file(), manifest.signature());
                }
                // a run that stopped between recording the manifest and the detach resumes here
                archiverDatabase.detach(month.toString());
                archived.add(month.toString());
            } else {
                keep(month);
                kept.add(month.toString());
            }
        }
        return new ArchiveRun(archived, kept, applyRetention(today));
    }

    /**
     * What an operator must act on: with a store that is not durable, every month due for archiving, whose partition
     * the job keeps ({@code PARTITION_KEPT_STORE_NOT_DURABLE}); nothing with a durable store.
     */
    public List<ArchiveFinding> findings() {
        if (store.durable()) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return dueMonths(today).stream().map(month -> new ArchiveFinding(
                ArchiveFinding.Kind.PARTITION_KEPT_STORE_NOT_DURABLE, month.toString(),
                "the partition of " + month + " is due for archiving but kept: the archive store "
                        + store.location() + " is not durable (triage.audit.archive.store=azure, or "
                        + "triage.audit.archive.local.durable=true on backed-up storage); archive files "
                        + (store.exists(manifestFile(month)) ? "written" : "not written yet")))
                .toList();
    }

    /** Months whose partition still exists and is old enough to archive; never the current month. */
    private List<YearMonth> dueMonths(LocalDate today) {
        // The detach function refuses the current month by the database's clock: never start on one it will refuse.
        YearMonth databaseMonth = YearMonth.parse(jdbc.sql("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM')")
                .query(String.class).single());
        YearMonth current = YearMonth.from(today).isBefore(databaseMonth) ? YearMonth.from(today) : databaseMonth;
        return partitions().stream()
                .filter(month -> month.isBefore(current)
                        && !month.plusMonths(1).atDay(1).plus(settings.after()).isAfter(today))
                .toList();
    }

    /**
     * A store that may vanish with the pod or disk (an {@code emptyDir}, a laptop's working copy) must never hold
     * the only copy of a month: its files are written once (for inspection and the demo), nothing is recorded in
     * {@code archives}, and the partition stays. Switching to a durable store later archives the month afresh there.
     */
    private void keep(YearMonth month) {
        if (!hasVerifiedManifest(month) && !store.exists(manifestFile(month))) {
            archive(month);
        }
        detachRefused.increment();
        logger.warn("Kept the partition of {}: the archive store {} is not durable", month, store.location());
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

    /**
     * Whether the month's manifest is already recorded and its signature verifies (a run stopped before the
     * detach). A record that does not verify was not written by this job: nothing is archived or detached then.
     */
    private boolean hasVerifiedManifest(YearMonth month) {
        Optional<ArchivedMonth> recorded = verifiedArchives.list().stream()
                .filter(archive -> archive.month().equals(month.toString())).findFirst();
        if (recorded.isPresent() && recorded.get().status() != ArchivedMonth.Status.SIGNED) {
            throw new ConflictException("Refusing to archive " + month + ": " + recorded.get().detail());
        }
        return recorded.isPresent();
    }

    /** A manifest written and re-verified in the store, ready to be recorded. */
    private record SignedManifest(ManifestStatement statement, String file, byte[] signature) {
    }

    private static String manifestFile(YearMonth month) {
        return "audit-" + month + ".manifest.json";
    }

    private SignedManifest archive(YearMonth month) {
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
                throw new ConflictException("Refusing to archive " + month + ": chain broken at "
                        + report.firstBrokenSeq());
            }
            checkpoint = checkpoints.create(from, to);
        }
        String dataFile = "audit-" + month + ".jsonl.gz";
        String manifestFile = manifestFile(month);
        try {
            Path data = Files.createTempFile("audit-archive", ".gz");
            Path manifestPath = Files.createTempFile("audit-manifest", ".json");
            try {
                export(from, to, data);
                String sha256 = HEX.formatHex(sha256(Files.newInputStream(data)));
                store.put(dataFile, data);
                Link link = reread(dataFile, sha256, from, to, events, checkpoint);
                ManifestStatement statement = new ManifestStatement(month.toString(), from, to, events, dataFile,
                        sha256, link.firstPrev(), link.last(), checkpoint == null ? null : checkpoint.id(),
                        CanonicalForm.truncate(clock.instant()), manifestSigner.keyId());
                byte[] signature = manifestSigner.sign(statement.statement());
                ArchiveManifest manifest = new ArchiveManifest(ArchiveManifest.FORMAT, statement,
                        statement.statement(), Base64.getEncoder().encodeToString(signature),
                        manifestSigner.publicKey(), checkpoint, checkpoint == null ? null : checkpoint.statement(),
                        signer.publicKey());
                Files.writeString(manifestPath, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
                store.put(manifestFile, manifestPath);
                checkStoredManifest(manifestFile, statement);
                logger.info("Archived {} ({} events, positions {}..{}) to {}", month, events, from, to,
                        store.location());
                return new SignedManifest(statement, manifestFile, signature);
            } finally {
                Files.deleteIfExists(data);
                Files.deleteIfExists(manifestPath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("archiving " + month + " failed", e);
        }
    }

    /** The chain links at both ends of an archived range (absent for an empty month). */
    private record Link(@Nullable String firstPrev, @Nullable String last) {
    }

    private void export(long from, long to, Path data) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(data)),
                StandardCharsets.UTF_8))) {
            if (to >= from) {
                log.forEachInRange(from, to, event -> {
                    try {
                        out.write(json.writeValueAsString(withoutPlainIds(event)));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /**
     * Reads the stored data file back: its SHA-256, the number of events, the first and last position, every chain
     * link (keyed where the chain is) and the checkpoint's Merkle root must all match what was exported.
     */
    private Link reread(String dataFile, String sha256, long from, long to, long events,
            @Nullable Checkpoint checkpoint) throws IOException {
        if (!HEX.formatHex(sha256(store.open(dataFile))).equals(sha256)) {
            throw new IOException("archive " + dataFile + " does not match its SHA-256");
        }
        if (events == 0) {
            return new Link(null, null);
        }
        // streamed: a month can hold millions of events; only their hashes (the Merkle leaves) are kept
        List<byte[]> hashes = new ArrayList<>();
        ChainVerifier verifier = null;
        AuditEvent first = null;
        AuditEvent last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(store.open(dataFile)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                AuditEvent event = json.readValue(line, AuditEvent.class);
                if (verifier == null) {
                    first = event;
                    verifier = new ChainVerifier(from, HEX.parseHex(event.prevHash()), hasher::hash,
                            ArchivedRanges.NONE);
                }
                verifier.accept(event);
                hashes.add(HEX.parseHex(event.hash()));
                last = event;
            }
        }
        if (verifier == null || first == null || last == null || hashes.size() != events) {
            throw new IOException("archive " + dataFile + " holds " + hashes.size() + " events, not " + events);
        }
        if (first.seq() != from || last.seq() != to) {
            throw new IOException("archive " + dataFile + " does not hold positions " + from + ".." + to);
        }
        boolean intact = verifier.finish(to, hashes.getLast()).isEmpty()
                && HEX.formatHex(MerkleTree.root(hashes)).equals(
                        Objects.requireNonNull(checkpoint, "a month with events has a checkpoint").root());
        if (!intact) {
            throw new IOException("archive " + dataFile + " does not re-verify");
        }
        return new Link(first.prevHash(), last.hash());
    }

    /** The stored manifest must carry exactly the statement signed, with a signature that verifies. */
    private void checkStoredManifest(String manifestFile, ManifestStatement statement) throws IOException {
        ArchiveManifest stored;
        try (InputStream in = store.open(manifestFile)) {
            stored = json.readValue(in, ArchiveManifest.class);
        }
        if (!stored.signedStatement().equals(statement.statement())
                || !manifestSigner.verify(stored.signedStatement(), Base64.getDecoder().decode(stored.signature()))) {
            throw new IOException("archive manifest " + manifestFile + " does not re-verify");
        }
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
        archiverDatabase.recordRetention(month, dataFile + "," + manifestFile, now, note, signer.keyId(),
                signer.sign(note));
        logger.info("Retention: deleted the archive of {} ({})", month, store.location());
    }

    private static AuditEvent withoutPlainIds(AuditEvent e) {
        return new AuditEvent(e.seq(), e.eventId(), e.recordedAt(), e.decidedAt(), e.ticketRef(), e.userRef(), null,
                null, e.onBehalfOfRef(), null, e.modelVersion(), e.ruleSetVersion(), e.routingMethod(), e.prediction(), e.confidence(),
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
