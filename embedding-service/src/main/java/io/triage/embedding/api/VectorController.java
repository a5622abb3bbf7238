package io.triage.embedding.api;

import jakarta.validation.constraints.NotBlank;

import io.triage.embedding.backfill.BackfillFiles;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.store.InactiveModelIndexes;
import io.triage.embedding.store.StoreHealth;
import io.triage.embedding.store.VectorStore;
import io.triage.embedding.ticket.CustomerDeletion;
import io.triage.embedding.ticket.EmbeddingPipeline;
import io.triage.embedding.ticket.SimilarTickets;
import io.triage.platform.problem.UnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GDPR deletion of a customer's vectors and the vector store's health. */
@RestController
class VectorController {

    private final EmbeddingPipeline pipeline;
    private final VectorStore store;
    private final SimilarTickets similar;
    private final EmbeddingModel model;
    private final ApiProperties properties;
    private final InactiveModelIndexes inactive;
    private final BackfillFiles backfillFiles;

    VectorController(EmbeddingPipeline pipeline, VectorStore store, SimilarTickets similar, EmbeddingModel model,
            ApiProperties properties, InactiveModelIndexes inactive, BackfillFiles backfillFiles) {
        this.inactive = inactive;
        this.backfillFiles = backfillFiles;
        this.pipeline = pipeline;
        this.store = store;
        this.similar = similar;
        this.model = model;
        this.properties = properties;
    }

    @DeleteMapping("/vectors")
    @PreAuthorize("hasRole('GDPR_SERVICE')")
    CustomerDeletion deleteCustomer(@RequestParam @NotBlank String customerId) {
        // Refused before anything changes while a backfill runs (it would embed the customer's lines again). Then the
        // active store (rows and index together), the indexes of earlier models and the backfill files: a failure
        // leaves the request to be retried by gdpr-service, and a repeat finds nothing left where it got to.
        try {
            backfillFiles.requireNoBackfillRunning();
            return Unavailability.guard(properties.storeRetryAfter(), () -> pipeline.deleteCustomer(customerId)
                    .withInactiveIndexes(inactive.deleteByCustomer(customerId))
                    .withBackfillLines(backfillFiles.eraseCustomer(customerId)));
        } catch (BackfillFiles.BackfillRunningException e) {
            throw new UnavailableException("A backfill is running; nothing was changed. Erase again once it has ended",
                    properties.storeRetryAfter());
        }
    }

    @GetMapping("/vector-db/health")
    @PreAuthorize("hasRole('OPS')")
    ResponseEntity<VectorDbHealth> health() {
        StoreHealth health = store.health();
        VectorDbHealth body = new VectorDbHealth(health.store(), health.up() ? "UP" : "DOWN", health.count(),
                health.dimension(), model.name(), similar.recentP95().toNanos() / 1_000_000.0, health.detail());
        return ResponseEntity.status(health.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /**
     * Body of {@code GET /vector-db/health}.
     *
     * @param store the store implementation
     * @param status {@code UP} or {@code DOWN}
     * @param count entries in the active model's index
     * @param dimension vector length
     * @param model the active embedding model
     * @param recentQueryP95Millis 95th percentile of recent query latencies, in milliseconds
     * @param detail why it is down, when it is
     */
    record VectorDbHealth(String store, String status, long count, int dimension, String model,
            double recentQueryP95Millis, String detail) {
    }
}
