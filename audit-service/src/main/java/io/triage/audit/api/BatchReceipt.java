package io.triage.audit.api;

import java.util.List;
import java.util.UUID;

import io.triage.audit.chain.Appended;

/** The answer to a batch: how many events were appended, how many were already recorded, and where each stands. */
record BatchReceipt(int appended, int duplicates, List<Entry> events) {

    /** One event of the batch, in request order. */
    record Entry(UUID eventId, long seq, String hash, boolean duplicate) {
    }

    static BatchReceipt of(List<Appended> result) {
        List<Entry> entries = result.stream()
                .map(a -> new Entry(a.event().eventId(), a.event().seq(), a.event().hash(), a.duplicate()))
                .toList();
        int duplicates = (int) entries.stream().filter(Entry::duplicate).count();
        return new BatchReceipt(entries.size() - duplicates, duplicates, entries);
    }
}
