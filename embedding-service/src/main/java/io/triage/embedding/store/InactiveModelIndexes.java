package io.triage.embedding.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.triage.embedding.model.EmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * The vector indexes of models that are no longer active. Switching models leaves the old model's Lucene directory
 * beside the new one (so that switching back needs no re-embedding), and with it the vectors of every customer it
 * held: a GDPR erasure must reach those too, not only the active index.
 *
 * <p>With Qdrant the same holds for the old models' collections ({@code tickets_<model>}) in the Qdrant server.
 */
@Component
public class InactiveModelIndexes {

    /** The collections of every model are named {@code tickets_<model>} (see the store configuration). */
    public static final String QDRANT_COLLECTION_PREFIX = "tickets_";

    private final VectorStore store;
    private final boolean lucene;
    private final Path root;
    private final String activeModel;

    InactiveModelIndexes(VectorStore store, LuceneProperties lucene, EmbeddingModel model) {
        this.store = store;
        this.lucene = store instanceof LuceneVectorStore;
        this.root = lucene.path().toAbsolutePath().normalize();
        this.activeModel = model.name();
    }

    /** The index directories of models other than the active one. */
    List<Path> directories() {
        if (!lucene || !Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(directory -> !directory.getFileName().toString().equals(activeModel)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the vector indexes in " + root, e);
        }
    }

    /** Deletes the customer's entries from every inactive model's index or collection; the number deleted. */
    public long deleteByCustomer(String customerId) {
        if (store instanceof QdrantVectorStore qdrant) {
            return qdrant.deleteByCustomerInOtherCollections(customerId, QDRANT_COLLECTION_PREFIX);
        }
        long deleted = 0;
        for (Path directory : directories()) {
            deleted += LuceneVectorStore.deleteByCustomerIn(directory, customerId);
        }
        return deleted;
    }
}
