package io.triage.embedding.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.embedding.MigratedDatabase;
import io.triage.embedding.model.MiniLmEmbeddingModel;
import io.triage.embedding.store.QdrantProperties;
import io.triage.embedding.store.QdrantVectorStore;
import io.triage.embedding.store.StoreUnavailableException;
import io.triage.platform.crypto.KeyedHash;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A vector store that cannot be reached (Qdrant on a port nobody listens on): calls are retried, then reported
 * unavailable, and the Postgres rows of the failed write are rolled back, so nothing is half-written.
 */
class StoreOutageIT {

    @Test
    void anUnreachableStoreFailsTheWriteAndLeavesNoRow() throws IOException {
        MigratedDatabase database = MigratedDatabase.create();
        MiniLmEmbeddingModel model = new MiniLmEmbeddingModel();
        TicketEmbeddings rows = new TicketEmbeddings(database.jdbc(), model.name());
        var settings = new QdrantProperties("127.0.0.1", unusedPort(), false, "", Duration.ofSeconds(2),
                2, Duration.ofMillis(10));
        try (QdrantVectorStore down = new QdrantVectorStore(settings, "tickets_test", model.dimension())) {
            EmbeddingPipeline pipeline = new EmbeddingPipeline(model, down, rows,
                    new ErasedCustomers(database.jdbc(), KeyedHash.checked("key", "KEY", "test-key", "", true, 0)),
                    new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
                    new SimpleMeterRegistry());
            TicketText ticket = new TicketText("T-1", "C-1", "Invoice shows a double charge",
                    Instant.parse("2026-11-01T00:00:00Z"), "billing", null, null);

            assertThatExceptionOfType(StoreUnavailableException.class)
                    .isThrownBy(() -> pipeline.ingest(List.of(ticket)));
            assertThat(rows.count()).isZero();
            assertThat(down.health().up()).isFalse();
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
