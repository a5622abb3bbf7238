package io.triage.embedding.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.triage.embedding.model.Vectors;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * An embedded Lucene HNSW index on local disk, memory-mapped (the graph and vectors live in the page cache, not on
 * the heap). Vectors are unit length and compared by dot product, which equals cosine similarity. Every write is
 * committed before it returns, so an acknowledged upsert survives a crash.
 */
public final class LuceneVectorStore implements VectorStore {

    private final int dimension;
    private final int searchCandidates;
    private final MMapDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /**
     * Opens (or creates) the index in {@code path}.
     *
     * @param maxConn HNSW graph degree
     * @param beamWidth HNSW construction beam width
     * @param searchCandidates candidates collected per search before the top k are kept
     */
    public LuceneVectorStore(Path path, int dimension, int maxConn, int beamWidth, int searchCandidates) {
        this.dimension = dimension;
        this.searchCandidates = searchCandidates;
        try {
            Files.createDirectories(path);
            this.directory = new MMapDirectory(path);
            KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(maxConn, beamWidth);
            IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(expungingMergePolicy())
                    .setCodec(new Lucene103Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return hnsw;
                        }
                    });
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index at " + path, e);
        }
    }

    @Override
    public String kind() {
        return "lucene";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void upsert(List<VectorRecord> records) {
        records.forEach(record -> requireDimension(record.vector()));
        guardedWrite(() -> {
            for (VectorRecord record : records) {
                writer.updateDocument(new Term(StoreFields.TICKET_ID, record.ticketId()), document(record));
            }
            commit();
        });
    }

    @Override
    public List<VectorMatch> search(float[] query, int k, SearchFilter filter) {
        requireDimension(query);
        return guarded(() -> {
            IndexSearcher searcher = searchers.acquire();
            try {
                var knn = new KnnFloatVectorQuery(StoreFields.VECTOR, Vectors.normalised(query),
                        Math.max(k, searchCandidates), filterQuery(filter));
                ScoreDoc[] hits = searcher.search(knn, Math.max(k, searchCandidates)).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<VectorMatch> matches = new ArrayList<>(Math.min(k, hits.length));
                for (int i = 0; i < Math.min(k, hits.length); i++) {
                    Document doc = stored.document(hits[i].doc);
                    // Lucene scores DOT_PRODUCT as (1 + cosine) / 2.
                    matches.add(new VectorMatch(doc.get(StoreFields.TICKET_ID), 2.0 * hits[i].score - 1.0,
                            metadata(doc)));
                }
                return matches;
            } finally {
                searchers.release(searcher);
            }
        });
    }

    @Override
    public long deleteByTicketIds(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        List<BytesRef> terms = ticketIds.stream().map(BytesRef::new).toList();
        return delete(new TermInSetQuery(StoreFields.TICKET_ID, terms));
    }

    /**
     * Deletes the customer's entries and expunges them: a Lucene delete only marks a document, whose stored fields,
     * terms and vector stay in the segment's files until a merge rewrites it, so every segment holding a deleted
     * document is rewritten before this returns (GDPR: nothing of the customer is left in the index files). The cost
     * is a rewrite (and HNSW graph rebuild) of the segments concerned.
     */
    @Override
    public long deleteByCustomer(String customerId) {
        return guarded(() -> {
            long deleted = delete(new TermQuery(new Term(StoreFields.CUSTOMER_ID, customerId)));
            if (deleted > 0) {
                writer.forceMergeDeletes(true);
                commit();
            }
            return deleted;
        });
    }

    /** A merge policy whose {@code forceMergeDeletes} rewrites every segment with a deleted document, not 10 %+. */
    private static MergePolicy expungingMergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setForceMergeDeletesPctAllowed(0.0);
        return policy;
    }

    @Override
    public long count() {
        return guarded(() -> {
            IndexSearcher searcher = searchers.acquire();
            try {
                return (long) searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        });
    }

    @Override
    public Map<String, Long> revisions() {
        return guarded(() -> {
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<String, Long> revisions = new HashMap<>();
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields stored = leaf.reader().storedFields();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live == null || live.get(doc)) {
                            Document d = stored.document(doc);
                            revisions.put(d.get(StoreFields.TICKET_ID),
                                    d.getField(StoreFields.REVISION).numericValue().longValue());
                        }
                    }
                }
                return revisions;
            } finally {
                searchers.release(searcher);
            }
        });
    }

    @Override
    public StoreHealth health() {
        if (!writer.isOpen()) {
            return new StoreHealth(kind(), false, 0, dimension, "index closed");
        }
        return new StoreHealth(kind(), true, count(), dimension, "");
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer.isOpen()) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Lucene index", e);
        }
    }

    private long delete(Query query) {
        return guarded(() -> {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            long existing;
            try {
                existing = searcher.count(query);
            } finally {
                searchers.release(searcher);
            }
            writer.deleteDocuments(query);
            commit();
            return existing;
        });
    }

    /**
     * Deletes a customer's entries from a Lucene index this process does not hold open (that of a model no longer
     * active), committing at once; 0 when {@code path} holds no index.
     */
    public static long deleteByCustomerIn(Path path, String customerId) {
        try (MMapDirectory other = new MMapDirectory(path)) {
            if (!DirectoryReader.indexExists(other)) {
                return 0;
            }
            Query query = new TermQuery(new Term(StoreFields.CUSTOMER_ID, customerId));
            try (IndexWriter writer = new IndexWriter(other,
                    new IndexWriterConfig().setMergePolicy(expungingMergePolicy()))) {
                long existing;
                try (DirectoryReader reader = DirectoryReader.open(writer)) {
                    existing = new IndexSearcher(reader).count(query);
                }
                if (existing > 0) {
                    writer.deleteDocuments(query);
                    writer.forceMergeDeletes(true);
                    writer.commit();
                }
                return existing;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from the Lucene index at " + path, e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document document(VectorRecord record) {
        TicketMetadata m = record.metadata();
        Document doc = new Document();
        doc.add(new StringField(StoreFields.TICKET_ID, record.ticketId(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(StoreFields.VECTOR, Vectors.normalised(record.vector()),
                VectorSimilarityFunction.DOT_PRODUCT));
        if (m.customerId() != null) {
            doc.add(new StringField(StoreFields.CUSTOMER_ID, m.customerId(), Field.Store.YES));
        }
        optional(doc, StoreFields.DEPARTMENT, m.department());
        optional(doc, StoreFields.URGENCY, m.urgency());
        optional(doc, StoreFields.SENTIMENT, m.sentiment());
        long created = m.createdAt().toEpochMilli();
        doc.add(new LongPoint(StoreFields.CREATED_AT, created));
        doc.add(new StoredField(StoreFields.CREATED_AT, created));
        doc.add(new StoredField(StoreFields.REVISION, record.revision()));
        return doc;
    }

    private static void optional(Document doc, String field, @Nullable String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.YES));
        }
    }

    private static TicketMetadata metadata(Document doc) {
        return new TicketMetadata(doc.get(StoreFields.CUSTOMER_ID), doc.get(StoreFields.DEPARTMENT),
                doc.get(StoreFields.URGENCY), doc.get(StoreFields.SENTIMENT),
                Instant.ofEpochMilli(doc.getField(StoreFields.CREATED_AT).numericValue().longValue()));
    }

    private static @Nullable Query filterQuery(SearchFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (Map.Entry<String, String> match : filter.exactMatches().entrySet()) {
            query.add(new TermQuery(new Term(match.getKey(), match.getValue())), Occur.FILTER);
            any = true;
        }
        if (filter.createdAfter() != null || filter.createdBefore() != null) {
            long from = filter.createdAfter() == null ? Long.MIN_VALUE : filter.createdAfter().toEpochMilli();
            long to = filter.createdBefore() == null ? Long.MAX_VALUE : filter.createdBefore().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery(StoreFields.CREATED_AT, from, to), Occur.FILTER);
            any = true;
        }
        return any ? query.add(new MatchAllDocsQuery(), Occur.FILTER).build() : null;
    }

    private void requireDimension(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the index " + dimension);
        }
    }

    private <T> T guarded(LuceneCall<T> call) {
        try {
            return call.run();
        } catch (IOException | AlreadyClosedException e) {
            throw unavailable(e);
        }
    }

    private void guardedWrite(LuceneWrite write) {
        try {
            write.run();
        } catch (IOException | AlreadyClosedException e) {
            throw unavailable(e);
        }
    }

    private static StoreUnavailableException unavailable(Exception e) {
        return new StoreUnavailableException("the Lucene index cannot be used: " + e.getMessage(), e);
    }

    @FunctionalInterface
    private interface LuceneCall<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface LuceneWrite {
        void run() throws IOException;
    }
}
