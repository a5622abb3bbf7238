package io.triage.embedding.ticket;

/**
 * What an ingest did.
 *
 * @param embedded tickets whose text was (re-)embedded
 * @param relabelled tickets whose text was known and only the metadata changed
 * @param unchanged tickets already stored exactly so
 * @param erased tickets not written because their customer was erased after they were created
 */
public record IngestResult(int embedded, int relabelled, int unchanged, int erased) {

    public int written() {
        return embedded + relabelled;
    }
}
