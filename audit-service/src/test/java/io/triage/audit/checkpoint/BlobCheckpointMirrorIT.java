package io.triage.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.azure.core.util.BinaryData;
import io.triage.audit.blob.Azurite;
import io.triage.audit.blob.BlobContainers;
import io.triage.audit.blob.Protection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The blob checkpoint mirror against Azurite: the same write-once contract as the directory mirror. */
@ExtendWith(Azurite.class)
class BlobCheckpointMirrorIT implements CheckpointMirrorContract {

    String container;
    CheckpointMirror mirror;

    @BeforeEach
    void newMirror() {
        container = Azurite.newContainerName("checkpoints");
        mirror = new BlobCheckpointMirror(BlobContainers.writeOnce(Azurite.settings(), container,
                new Protection(null, false, true)), JsonMapper.builder().build());
    }

    @Override
    public CheckpointMirror mirror() {
        return mirror;
    }

    @Test
    void theServiceItselfRefusesASecondUploadOfACheckpointBlob() throws IOException {
        mirror.write(CheckpointMirrorContract.checkpoint(5, "01".repeat(32)));
        // whoever holds the account key tries to replace the blob: refused by the service like any second write
        boolean replaced = BlobContainers.writeOnce(Azurite.settings(), container, new Protection(null, false, true))
                .create("checkpoint-0000000000000000005.json", BinaryData.fromString("{}"));

        assertThat(replaced).isFalse();
        assertThat(mirror.read(5)).contains(CheckpointMirrorContract.checkpoint(5, "01".repeat(32)));
    }
}
