package io.triage.classify.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.tickets.TicketLabels;
import org.junit.jupiter.api.Test;

/** classify-service's label vocabulary and ticket-generator's (the synthetic training and test data) agree. */
class TaxonomyTests {

    @Test
    void departmentsAreTheGeneratorsInItsOrder() {
        assertThat(Taxonomy.DEPARTMENTS).containsExactlyElementsOf(TicketLabels.DEPARTMENTS);
    }

    @Test
    void urgenciesAreTheGeneratorsInItsOrder() {
        assertThat(Taxonomy.URGENCIES).containsExactlyElementsOf(TicketLabels.URGENCIES);
    }

    @Test
    void sentimentsAreTheGeneratorsInItsOrder() {
        assertThat(Taxonomy.SENTIMENTS).containsExactlyElementsOf(TicketLabels.SENTIMENTS);
    }
}
