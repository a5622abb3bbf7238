package io.triage.embedding.ticket;

/**
 * What an ingest did.
 *
 * @param embedded tickets whose text was (re-)embedded
 * @param relabelled tickets whose text was known and only the metadata changed
 * @param unchanged tickets already stored exactly so
 */
public record IngestResult(int embedded, int relabelled, int unchanged) {

    public int written() {
        return embedded + relabelled;
    }
}
