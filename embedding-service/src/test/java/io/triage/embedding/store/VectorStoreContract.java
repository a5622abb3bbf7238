package io.triage.embedding.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.triage.embedding.model.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VectorStore} must have. A store's test implements this interface, supplies a fresh,
 * empty store of {@link #DIMENSION} dimensions, and inherits every test.
 */
public interface VectorStoreContract {

    int DIMENSION = 8;
    Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** An empty store of {@link #DIMENSION} dimensions; the same instance for the whole test. */
    VectorStore store();

    static float[] axis(int i) {
        float[] v = new float[DIMENSION];
        v[i] = 1;
        return v;
    }

    static float[] random(SplittableRandom random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }

    static VectorRecord record(String id, float[] vector, String customer, String department, int dayOffset) {
        return new VectorRecord(id, Vectors.normalised(vector),
                new TicketMetadata(customer, department, "high", "negative", T0.plusSeconds(86_400L * dayOffset)), 1);
    }

    @Test
    default void nearestTicketComesFirstWithItsCosineSimilarity() {
        float[] near = Vectors.normalised(new float[] {1, 0.1f, 0, 0, 0, 0, 0, 0});
        store().upsert(List.of(record("T-near", near, "C1", "billing", 0),
                record("T-far", axis(3), "C1", "billing", 0)));

        List<VectorMatch> matches = store().search(axis(0), 2, SearchFilter.NONE);

        assertThat(matches).extracting(VectorMatch::ticketId).containsExactly("T-near", "T-far");
        assertThat(matches.getFirst().similarity()).isCloseTo(near[0], within(1e-3));
        assertThat(matches.get(1).similarity()).isCloseTo(0.0, within(1e-3));
        assertThat(matches.getFirst().metadata()).isEqualTo(new TicketMetadata("C1", "billing", "high", "negative",
                T0));
    }

    @Test
    default void upsertReplacesTheEntryOfTheSameTicket() {
        store().upsert(List.of(record("T-1", axis(0), "C1", "billing", 0)));
        store().upsert(List.of(new VectorRecord("T-1", axis(1),
                new TicketMetadata("C1", "technical", null, null, T0), 2)));

        assertThat(store().count()).isEqualTo(1);
        VectorMatch match = store().search(axis(1), 1, SearchFilter.NONE).getFirst();
        assertThat(match.ticketId()).isEqualTo("T-1");
        assertThat(match.similarity()).isCloseTo(1.0, within(1e-3));
        assertThat(match.metadata().department()).isEqualTo("technical");
        assertThat(match.metadata().urgency()).isNull();
        assertThat(store().revisions()).containsEntry("T-1", 2L);
    }

    @Test
    default void filtersKeepOnlyMatchingMetadata() {
        store().upsert(List.of(record("T-b1", axis(0), "C1", "billing", 0),
                record("T-t1", axis(0), "C1", "technical", 0),
                record("T-b2", axis(1), "C2", "billing", 0)));

        SearchFilter billing = new SearchFilter(null, "billing", null, null, null, null);
        SearchFilter customerTwo = new SearchFilter("C2", null, null, null, null, null);
        assertThat(store().search(axis(0), 10, billing)).extracting(VectorMatch::ticketId)
                .containsExactly("T-b1", "T-b2");
        assertThat(store().search(axis(0), 10, customerTwo)).extracting(VectorMatch::ticketId)
                .containsExactly("T-b2");
        assertThat(store().search(axis(0), 10, new SearchFilter(null, "legal", null, null, null, null))).isEmpty();
    }

    @Test
    default void creationTimeBoundsAreInclusiveFromAndExclusiveTo() {
        store().upsert(List.of(record("T-d0", axis(0), "C1", "billing", 0),
                record("T-d1", axis(0), "C1", "billing", 1),
                record("T-d2", axis(0), "C1", "billing", 2)));

        SearchFilter dayOne = new SearchFilter(null, null, null, null, T0.plusSeconds(86_400),
                T0.plusSeconds(2 * 86_400));
        assertThat(store().search(axis(0), 10, dayOne)).extracting(VectorMatch::ticketId).containsExactly("T-d1");
    }

    @Test
    default void kLimitsTheNumberOfMatches() {
        SplittableRandom random = new SplittableRandom(7);
        List<VectorRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(record("T-" + i, random(random), "C" + (i % 5), "billing", 0));
        }
        store().upsert(records);
        assertThat(store().search(random(random), 7, SearchFilter.NONE)).hasSize(7);
        assertThat(store().count()).isEqualTo(50);
    }

    @Test
    default void deleteByTicketIdsCountsWhatExisted() {
        store().upsert(List.of(record("T-1", axis(0), "C1", "billing", 0),
                record("T-2", axis(1), "C1", "billing", 0)));

        assertThat(store().deleteByTicketIds(List.of("T-1", "T-unknown"))).isEqualTo(1);
        assertThat(store().revisions()).containsOnlyKeys("T-2");
    }

    @Test
    default void deleteByCustomerLeavesNoVectorOfThatCustomer() {
        store().upsert(List.of(record("T-1", axis(0), "C-gone", "billing", 0),
                record("T-2", axis(1), "C-gone", "technical", 1),
                record("T-3", axis(0), "C-stays", "billing", 0)));

        assertThat(store().deleteByCustomer("C-gone")).isEqualTo(2);

        SearchFilter gone = new SearchFilter("C-gone", null, null, null, null, null);
        assertThat(store().search(axis(0), 100, gone)).isEmpty();
        assertThat(store().search(axis(0), 100, SearchFilter.NONE)).extracting(VectorMatch::ticketId)
                .containsExactly("T-3");
        assertThat(store().deleteByCustomer("C-gone")).isZero();
    }

    @Test
    default void revisionsListEveryEntry() {
        store().upsert(List.of(new VectorRecord("T-1", axis(0), new TicketMetadata("C", null, null, null, T0), 11),
                new VectorRecord("T-2", axis(1), new TicketMetadata("C", null, null, null, T0), 12)));
        assertThat(store().revisions()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("T-1", 11L, "T-2", 12L));
    }

    @Test
    default void aVectorOfTheWrongDimensionIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> store().search(new float[DIMENSION + 1], 1,
                SearchFilter.NONE));
        assertThatIllegalArgumentException().isThrownBy(() -> store().upsert(List.of(
                record("T-x", new float[] {1, 0}, "C", "billing", 0))));
        assertThat(store().count()).isZero();
    }

    @Test
    default void healthReportsCountAndDimension() {
        store().upsert(List.of(record("T-1", axis(0), "C1", "billing", 0)));
        StoreHealth health = store().health();
        assertThat(health.up()).isTrue();
        assertThat(health.count()).isEqualTo(1);
        assertThat(health.dimension()).isEqualTo(DIMENSION);
        assertThat(health.store()).isEqualTo(store().kind());
    }
}
