package io.triage.embedding.backfill;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The backfill of historical tickets from JSONL files ({@code triage.embedding.backfill.*}).
 *
 * @param directory the only directory {@code POST /backfill} reads files from (a mounted volume in Kubernetes)
 * @param staleAfter a running backfill whose checkpoint has not moved for this long is taken to have crashed
 *     and is resumed by another replica (or this one after a restart)
 */
@ConfigurationProperties("triage.embedding.backfill")
public record BackfillProperties(
        @DefaultValue("./var/backfill") Path directory,
        @DefaultValue("2m") Duration staleAfter) {
}
