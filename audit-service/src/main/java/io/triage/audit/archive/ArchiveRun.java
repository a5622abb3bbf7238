package io.triage.audit.archive;

import java.util.List;

/**
 * What one run of the archive job did: months archived (and detached), months due whose partition was kept because
 * the store is not durable, and months deleted by retention.
 */
public record ArchiveRun(List<String> archived, List<String> kept, List<String> deleted) {
}
