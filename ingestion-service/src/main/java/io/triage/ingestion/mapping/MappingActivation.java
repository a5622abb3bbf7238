package io.triage.ingestion.mapping;

import java.time.Instant;

/**
 * A version put in use: by a publish or a rollback.
 *
 * @param id          increasing over all sources; a replica compares it to know whether its copy is current
 * @param version     the version put in use
 * @param action      {@code publish} or {@code rollback}
 * @param activatedBy who
 * @param activatedAt when
 * @param reason      why
 */
public record MappingActivation(long id, int version, String action, String activatedBy, Instant activatedAt,
        String reason) {
}
