package io.triage.embedding.backfill;

import java.nio.file.Path;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.embedding.model.MiniLmEmbeddingModel;
import io.triage.embedding.store.LuceneVectorStore;
import io.triage.embedding.ticket.EmbeddingPipeline;
import io.triage.embedding.ticket.ErasedCustomers;
import io.triage.embedding.ticket.TicketEmbeddings;
import io.triage.platform.crypto.KeyedHash;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A backfill runner in a JVM of its own, wired exactly as the service wires it, so that a test can kill it with
 * SIGKILL mid-batch. Arguments: JDBC URL, user, backfill directory, index directory, batch size, backfill id.
 */
public final class BackfillProcess {

    private BackfillProcess() {
    }

    public static void main(String[] args) {
        BackfillWiring wiring = BackfillWiring.open(args[0], args[1], Path.of(args[2]), Path.of(args[3]),
                Integer.parseInt(args[4]));
        wiring.runner().run(UUID.fromString(args[5]));
        wiring.close();
    }

    /** The runner and what it needs, without Spring Boot. */
    record BackfillWiring(BackfillRunner runner, Backfills backfills, TicketEmbeddings rows,
            LuceneVectorStore store) {

        static BackfillWiring open(String jdbcUrl, String user, Path backfillDirectory, Path indexDirectory,
                int batchSize) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(jdbcUrl);
            dataSource.setUser(user);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            MiniLmEmbeddingModel model = new MiniLmEmbeddingModel();
            LuceneVectorStore store = new LuceneVectorStore(indexDirectory, model.dimension(), 16, 100, 100);
            TicketEmbeddings rows = new TicketEmbeddings(jdbc, model.name());
            EmbeddingPipeline pipeline = new EmbeddingPipeline(model, store, rows,
                    new ErasedCustomers(jdbc, KeyedHash.checked("key", "KEY", "test-key", "", true, 0)),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new SimpleMeterRegistry());
            Backfills backfills = new Backfills(jdbc);
            return new BackfillWiring(new BackfillRunner(backfills, pipeline, backfillDirectory, batchSize),
                    backfills, rows, store);
        }

        void close() {
            store.close();
        }
    }
}
