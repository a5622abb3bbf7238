package io.triage.classify.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.triage.classify.testing.Taxonomies;
import io.triage.tickets.TicketLabels;
import org.junit.jupiter.api.Test;

/**
 * The taxonomy: configured labels (defaulting to ticket-generator's, the synthetic training and test data), each
 * head the production model serves replaced by its labels, following production as it changes.
 */
class TaxonomyTests {

    private static Taxonomy taxonomy(Map<String, String> settings, ServedLabels served) {
        return new Taxonomy(Taxonomies.properties(settings), served);
    }

    @Test
    void defaultsAreTheGeneratorsLabelsInItsOrder() {
        Labels labels = Taxonomies.defaults();
        assertThat(labels.departments()).containsExactlyElementsOf(TicketLabels.DEPARTMENTS);
        assertThat(labels.urgencies()).containsExactlyElementsOf(TicketLabels.URGENCIES);
        assertThat(labels.sentiments()).containsExactlyElementsOf(TicketLabels.SENTIMENTS);
    }

    @Test
    void defaultChannelsAreTheGeneratorsAndApi() {
        assertThat(Taxonomies.defaults().channels())
                .containsExactlyElementsOf(Stream.concat(TicketLabels.CHANNELS.stream(),
                        Stream.of("api")).toList());
    }

    @Test
    void withoutAModelEveryListComesFromConfiguration() {
        assertThat(Taxonomies.defaults().origins()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "department", "configuration", "urgency", "configuration", "sentiment", "configuration",
                "channel", "configuration"));
    }

    @Test
    void configuredDepartmentsReplaceTheDefaultsWhenNoModelServesTheHead() {
        Labels labels = taxonomy(Map.of("departments", "Cards,Loans,Savings"), () -> ModelHeads.NONE).current();
        assertThat(labels.departments()).containsExactly("Cards", "Loans", "Savings");
        assertThat(labels.urgencies()).containsExactlyElementsOf(TicketLabels.URGENCIES);
    }

    @Test
    void aHeadTheProductionModelServesHasTheModelsLabels() {
        ModelHeads model = new ModelHeads(7, Map.of("department", List.of("card_arrival", "exchange_rate")));
        Labels labels = taxonomy(Map.of("departments", "Cards,Loans"), () -> model).current();

        assertThat(labels.departments()).containsExactly("card_arrival", "exchange_rate");
        assertThat(labels.origins()).containsEntry("department", "model:7").containsEntry("urgency", "configuration");
        assertThat(labels.urgencies()).containsExactlyElementsOf(TicketLabels.URGENCIES);
    }

    @Test
    void followsAPromotionOrRollbackAndReusesTheLabelsWhileProductionStays() {
        ModelHeads first = new ModelHeads(1, Map.of("department", List.of("a", "b")));
        ModelHeads second = new ModelHeads(2, Map.of("department", List.of("c", "d"), "urgency", List.of("P1")));
        AtomicReference<ModelHeads> production = new AtomicReference<>(first);
        Taxonomy taxonomy = taxonomy(Map.of(), production::get);

        Labels before = taxonomy.current();
        assertThat(taxonomy.current()).as("unchanged production, no rebuild").isSameAs(before);
        production.set(second);
        assertThat(taxonomy.current().departments()).containsExactly("c", "d");
        assertThat(taxonomy.current().urgencies()).containsExactly("P1");
        production.set(first);
        assertThat(taxonomy.current().departments()).containsExactly("a", "b");
        assertThat(taxonomy.current().origins()).containsEntry("department", "model:1");
    }

    @Test
    void theFingerprintChangesWithTheLabels() {
        ModelHeads model = new ModelHeads(3, Map.of("department", List.of("Billing", "Sales")));
        assertThat(taxonomy(Map.of(), () -> model).current().fingerprint())
                .isNotEqualTo(Taxonomies.defaults().fingerprint());
        assertThat(Taxonomies.defaults().fingerprint()).isEqualTo(Taxonomies.defaults().fingerprint());
    }

    @Test
    void blankOrRepeatedLabelsAreAStartupError() {
        assertThatThrownBy(() -> Taxonomies.properties(Map.of("departments", "Cards,Cards")))
                .rootCause().hasMessageContaining("triage.classify.taxonomy.departments");
        assertThatThrownBy(() -> Taxonomies.properties(Map.of("urgencies", " ,High")))
                .rootCause().hasMessageContaining("triage.classify.taxonomy.urgencies");
    }
}
