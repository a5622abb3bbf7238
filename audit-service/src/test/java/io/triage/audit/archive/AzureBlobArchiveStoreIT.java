package io.triage.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;

import io.triage.audit.blob.Azurite;
import io.triage.audit.blob.BlobContainers;
import io.triage.audit.blob.Protection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Azure Blob archive store against Azurite: the same contract as the local directory, and always durable. */
@ExtendWith(Azurite.class)
class AzureBlobArchiveStoreIT implements ArchiveStoreContract {

    String container;
    AzureBlobArchiveStore store;

    @BeforeEach
    void newStore() {
        container = Azurite.newContainerName("archive");
        store = new AzureBlobArchiveStore(BlobContainers.writeOnce(Azurite.settings(), container,
                new Protection(Period.ofYears(5), false, false)));
    }

    @Override
    public ArchiveStore store() {
        return store;
    }

    @Test
    void isDurableAndWritesBlobsAThirdPartyCanRead(@TempDir Path scratch) throws Exception {
        store.put("audit-2024-01.jsonl.gz", Files.writeString(scratch.resolve("data"), "events"));

        assertThat(store.durable()).isTrue();
        assertThat(store.location()).endsWith("/devstoreaccount1/" + container);
        assertThat(Azurite.container(container).getBlobClient("audit-2024-01.jsonl.gz").downloadContent()
                .toString()).isEqualTo("events");
    }
}
