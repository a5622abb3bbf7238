package io.triage.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * What every {@link CheckpointMirror} does, implemented once per mirror: each checkpoint is written once under its
 * id; an identical retry is accepted, a different checkpoint under the same id is refused and the first one stays.
 */
interface CheckpointMirrorContract {

    /** A new, empty mirror for each test. */
    CheckpointMirror mirror();

    static Checkpoint checkpoint(long id, String root) {
        return new Checkpoint(id, 10 * id + 1, 10 * id + 10, root, "ab".repeat(32),
                Instant.parse("2026-11-25T10:15:30.123456Z"), "key-1", "c2lnbmF0dXJl");
    }

    @Test
    default void aMirroredCheckpointReadsBackEqual() throws IOException {
        mirror().write(checkpoint(7, "01".repeat(32)));

        assertThat(mirror().read(7)).contains(checkpoint(7, "01".repeat(32)));
        assertThat(mirror().read(8)).isEmpty();
    }

    @Test
    default void anIdenticalRetryIsAccepted() throws IOException {
        mirror().write(checkpoint(7, "01".repeat(32)));
        mirror().write(checkpoint(7, "01".repeat(32)));

        assertThat(mirror().ids()).containsExactly(7L);
    }

    @Test
    default void aDifferentCheckpointUnderTheSameIdIsRefusedAndTheFirstStays() throws IOException {
        mirror().write(checkpoint(7, "01".repeat(32)));

        assertThatThrownBy(() -> mirror().write(checkpoint(7, "02".repeat(32))))
                .isInstanceOf(IOException.class).hasMessageContaining("different checkpoint 7");
        assertThat(mirror().read(7)).contains(checkpoint(7, "01".repeat(32)));
    }

    @Test
    default void idsListsEveryMirroredCheckpointInOrder() throws IOException {
        assertThat(mirror().ids()).isEmpty();
        mirror().write(checkpoint(12, "01".repeat(32)));
        mirror().write(checkpoint(3, "02".repeat(32)));

        assertThat(mirror().ids()).containsExactly(3L, 12L);
    }
}
