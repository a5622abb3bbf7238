package io.triage.embedding.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.embedding.MigratedDatabase;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.model.MiniLmEmbeddingModel;
import io.triage.embedding.store.LuceneVectorStore;
import io.triage.embedding.ticket.CustomerDeletion;
import io.triage.embedding.ticket.EmbeddingPipeline;
import io.triage.embedding.ticket.ErasedCustomers;
import io.triage.embedding.ticket.IngestResult;
import io.triage.embedding.ticket.TicketEmbeddings;
import io.triage.embedding.ticket.TicketText;
import io.triage.platform.PlatformProperties;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.crypto.KeyedHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erasure race of issue 18: the sync reads a page of ingestion-service's feed, the customer is erased while the
 * page is being embedded, and the page is written afterwards. Real Postgres, Lucene index and MiniLM; the model is
 * wrapped so the test decides when the embedding finishes, and the feed is an in-process page source (ingestion's
 * wire contract is covered by EmbeddingServiceIT).
 */
class SyncErasureRaceIT {

    private static final Instant BEFORE_ERASURE = Instant.parse("2026-11-01T10:00:00Z");
    private static final MiniLmEmbeddingModel MINILM = new MiniLmEmbeddingModel();
    private static final KeyedHash HASH = KeyedHash.checked("key", "KEY", "sync-erasure-race-test-key", "", true, 0);

    /** Own threads: the common pool may have a single one on a 2-core machine, and the test blocks them. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    private static MigratedDatabase database;
    private static Path index;
    private static LuceneVectorStore store;

    @BeforeAll
    static void store() throws IOException {
        database = MigratedDatabase.create();
        index = Files.createTempDirectory("sync-erasure-race");
        store = new LuceneVectorStore(index, MINILM.dimension(), 16, 100, 100);
    }

    @AfterAll
    static void close() {
        THREADS.shutdownNow();
        store.close();
    }

    @Test
    void aPageReadBeforeTheErasureAndWrittenAfterItDoesNotBringTheCustomerBack() throws Exception {
        GatedModel model = new GatedModel(MINILM);
        EmbeddingPipeline pipeline = pipeline(model);
        List<TicketText> page = List.of(
                ticket("RACE-1", "C-erased", "My card was charged twice for the same order", BEFORE_ERASURE),
                ticket("RACE-2", "C-kept", "The router drops the connection every evening", BEFORE_ERASURE));
        TicketSync sync = sync(pipeline, page);

        CompletableFuture<Integer> syncing = CompletableFuture.supplyAsync(sync::syncAll, THREADS);
        assertThat(model.embedding.await(30, TimeUnit.SECONDS)).as("the sync read the page and is embedding it")
                .isTrue();
        CustomerDeletion deletion = pipeline.deleteCustomer("C-erased");
        model.release.countDown();

        assertThat(syncing.get(60, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(deletion.deletedFromPostgres()).as("nothing was stored yet when the erasure ran").isZero();
        assertThat(rows("C-erased")).as("the erased customer's ticket was not written after the erasure").isZero();
        assertThat(store.revisions()).doesNotContainKey("RACE-1").containsKey("RACE-2");
        assertThat(rows("C-kept")).isEqualTo(1);
        assertThat(cursor()).as("the page counts as read, so it is not fetched again").isEqualTo("after-page");
    }

    @Test
    void anErasureWaitsForAWriteInFlightAndThenRemovesIt() throws Exception {
        EmbeddingPipeline pipeline = pipeline(MINILM);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<TicketText> batch = List.of(
                ticket("FLIGHT-1", "C-flight", "Refund for the cancelled subscription has not arrived", BEFORE_ERASURE));

        CompletableFuture<IngestResult> ingest = CompletableFuture.supplyAsync(() -> pipeline.ingest(batch, () -> {
            writing.countDown();
            released(release);
        }), THREADS);
        assertThat(writing.await(30, TimeUnit.SECONDS)).as("the write transaction holds its rows").isTrue();
        CompletableFuture<CustomerDeletion> erasure = CompletableFuture.supplyAsync(
                () -> pipeline.deleteCustomer("C-flight"), THREADS);
        await().atMost(Duration.ofSeconds(30)).until(SyncErasureRaceIT::anAdvisoryLockIsAwaited);
        assertThat(erasure).as("the erasure waits for the write in flight").isNotDone();
        release.countDown();

        assertThat(ingest.get(30, TimeUnit.SECONDS).embedded()).isEqualTo(1);
        assertThat(erasure.get(30, TimeUnit.SECONDS).deletedFromPostgres())
                .as("the erasure removed the row committed while it waited").isEqualTo(1);
        assertThat(rows("C-flight")).isZero();
        assertThat(store.revisions()).doesNotContainKey("FLIGHT-1");
    }

    @Test
    void onlyTicketsCreatedBeforeTheErasureAreDropped() {
        EmbeddingPipeline pipeline = pipeline(MINILM);
        pipeline.deleteCustomer("C-back");
        Instant later = Instant.now().plusSeconds(5);

        IngestResult result = pipeline.ingest(List.of(
                ticket("BACK-OLD", "C-back", "An old complaint about a late delivery", BEFORE_ERASURE),
                ticket("BACK-NEW", "C-back", "A new question about opening a savings account", later)));

        assertThat(result.erased()).isEqualTo(1);
        assertThat(result.embedded()).isEqualTo(1);
        assertThat(database.jdbc().sql("SELECT ticket_id FROM ticket_embeddings WHERE customer_id = 'C-back'")
                .query(String.class).list()).containsExactly("BACK-NEW");
        assertThat(database.jdbc().sql("SELECT customer_hash FROM erased_customers").query(String.class).list())
                .as("only a keyed hash of the customer id is kept").contains(HASH.of("C-back"))
                .noneMatch(hash -> hash.contains("C-back"));
    }

    private static EmbeddingPipeline pipeline(EmbeddingModel model) {
        TransactionTemplate transactions = new TransactionTemplate(
                new DataSourceTransactionManager(database.dataSource()));
        return new EmbeddingPipeline(model, store, new TicketEmbeddings(database.jdbc(), model.name()),
                erasedCustomers(database), transactions, new SimpleMeterRegistry());
    }

    static ErasedCustomers erasedCustomers(MigratedDatabase database) {
        return new ErasedCustomers(database.jdbc(), HASH);
    }

    private static TicketSync sync(EmbeddingPipeline pipeline, List<TicketText> page) {
        CleanTickets feed = (after, limit) -> after == null
                ? new CleanTickets.Page(page, "after-page")
                : new CleanTickets.Page(List.of(), null);
        ResilientCalls calls = new ResilientCalls(new PlatformProperties.Resilience(1, Duration.ofMillis(10), 2, 0,
                50, 10, 10, Duration.ofSeconds(1)), new SimpleMeterRegistry());
        return new TicketSync(feed, new SyncCursors(database.jdbc()), pipeline, new EmbeddingLag(
                new SimpleMeterRegistry()), calls, new SyncProperties(true, "-"), new io.triage.embedding.ticket
                .PipelineProperties(100));
    }

    private static TicketText ticket(String id, String customer, String text, Instant createdAt) {
        return new TicketText(id, customer, text, createdAt, "billing", null, null);
    }

    private static long rows(String customer) {
        return database.jdbc().sql("SELECT count(*) FROM ticket_embeddings WHERE customer_id = ?").param(customer)
                .query(Long.class).single();
    }

    private static String cursor() {
        return database.jdbc().sql("SELECT cursor FROM sync_cursors WHERE feed = ?").param(TicketSync.FEED)
                .query(String.class).single();
    }

    private static boolean anAdvisoryLockIsAwaited() {
        return database.jdbc().sql("""
                SELECT count(*) FROM pg_locks
                 WHERE locktype = 'advisory' AND NOT granted
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """).query(Long.class).single() > 0;
    }

    private static void released(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** MiniLM, except that a bulk embedding signals that it started and finishes only when released. */
    private static final class GatedModel implements EmbeddingModel {

        final CountDownLatch embedding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final EmbeddingModel delegate;

        GatedModel(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> vectors = delegate.embed(texts);
            embedding.countDown();
            released(release);
            return vectors;
        }
    }
}
