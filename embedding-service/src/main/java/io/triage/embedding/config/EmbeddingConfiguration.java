package io.triage.embedding.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.embedding.backfill.BackfillProperties;
import io.triage.embedding.backfill.BackfillRunner;
import io.triage.embedding.backfill.Backfills;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.reconcile.Reconciler;
import io.triage.embedding.store.VectorStore;
import io.triage.embedding.ticket.EmbeddingPipeline;
import io.triage.embedding.ticket.ErasedCustomers;
import io.triage.embedding.ticket.ErasureProperties;
import io.triage.embedding.ticket.PipelineProperties;
import io.triage.embedding.ticket.SimilarTickets;
import io.triage.embedding.ticket.TicketEmbeddings;
import io.triage.platform.PlatformProperties;
import io.triage.platform.crypto.KeyedHash;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The pipeline's parts, wired for the configured model and store. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean
    TicketEmbeddings ticketEmbeddings(JdbcClient jdbc, EmbeddingModel model) {
        return new TicketEmbeddings(jdbc, model.name());
    }

    @Bean
    ErasedCustomers erasedCustomers(JdbcClient jdbc, ErasureProperties erasure, PlatformProperties platform) {
        return new ErasedCustomers(jdbc, KeyedHash.checked("triage.embedding.erasure.customer-hash-key",
                "TRIAGE_EMBEDDING_ERASURE_CUSTOMER_HASH_KEY", erasure.customerHashKey(),
                ErasureProperties.LOCAL_CUSTOMER_HASH_KEY, platform.security().allowDefaultKeys(), 0));
    }

    @Bean
    EmbeddingPipeline embeddingPipeline(EmbeddingModel model, VectorStore store, TicketEmbeddings rows,
            ErasedCustomers erased, TransactionTemplate transactions, MeterRegistry meters) {
        return new EmbeddingPipeline(model, store, rows, erased, transactions, meters);
    }

    @Bean
    SimilarTickets similarTickets(EmbeddingModel model, VectorStore store, MeterRegistry meters) {
        return new SimilarTickets(model, store, meters);
    }

    @Bean
    Reconciler reconciler(TicketEmbeddings rows, VectorStore store, MeterRegistry meters) {
        return new Reconciler(rows, store, meters);
    }

    @Bean
    Backfills backfills(JdbcClient jdbc) {
        return new Backfills(jdbc);
    }

    @Bean
    BackfillRunner backfillRunner(Backfills backfills, EmbeddingPipeline pipeline, BackfillProperties backfill,
            PipelineProperties batches) {
        return new BackfillRunner(backfills, pipeline, backfill.directory(), batches.batchSize());
    }
}
