package io.triage.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies the checkpoints taken before the mirror existed ({@code checkpoint_mirror_start}) to it once, at
 * start-up. Later checkpoints are mirrored as they are taken; they are never copied afterwards, so one missing from
 * the mirror stays a finding.
 */
@Component
class MirrorBackfill {

    private static final Logger logger = LoggerFactory.getLogger(MirrorBackfill.class);

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;
    private final CheckpointMirror mirror;

    MirrorBackfill(JdbcClient jdbc, Checkpoints checkpoints, CheckpointMirror mirror) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.mirror = mirror;
    }

    @EventListener(ApplicationReadyEvent.class)
    void copyEarlierCheckpoints() throws IOException {
        List<Long> earlier = jdbc.sql("""
                SELECT c.id FROM checkpoints c, checkpoint_mirror_start s
                 WHERE c.id < s.first_checkpoint_id ORDER BY c.id""").query((rs, row) -> rs.getLong(1)).list();
        Set<Long> mirrored = mirror.ids();
        int copied = 0;
        for (long id : earlier) {
            if (!mirrored.contains(id)) {
                Checkpoint checkpoint = checkpoints.find(id).orElseThrow();
                try {
                    mirror.write(checkpoint);
                } catch (IOException e) {
                    throw new UncheckedIOException("mirroring checkpoint " + id + " failed", e);
                }
                copied++;
            }
        }
        if (copied > 0) {
            logger.info("Copied {} earlier checkpoints to the write-once mirror {}", copied, mirror.location());
        }
    }
}
