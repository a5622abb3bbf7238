package io.triage.audit.api;

import java.util.List;

import io.triage.audit.archive.ArchiveEntry;
import io.triage.audit.archive.ArchiveFinding;
import io.triage.audit.archive.ArchiveRun;
import io.triage.audit.archive.Archiver;
import io.triage.audit.archive.Archives;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /audit/archive} lists archived months; {@code POST /audit/archive/run} triggers the job (ops). */
@RestController
class ArchiveController {

    /**
     * The archive listing: where its files live, whether that store is durable (partitions are detached only then),
     * the archived months, and findings such as partitions kept because the store is not durable.
     */
    record ArchiveListing(String location, boolean durable, List<ArchiveEntry> months, List<ArchiveFinding> findings) {
    }

    private final Archives archives;
    private final Archiver archiver;

    ArchiveController(Archives archives, Archiver archiver) {
        this.archives = archives;
        this.archiver = archiver;
    }

    @GetMapping("/audit/archive")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    ArchiveListing list() {
        return new ArchiveListing(archives.location(), archives.durable(), archives.list(), archiver.findings());
    }

    @PostMapping("/audit/archive/run")
    @PreAuthorize("hasRole('OPS')")
    ArchiveRun run() {
        return archiver.run();
    }
}
