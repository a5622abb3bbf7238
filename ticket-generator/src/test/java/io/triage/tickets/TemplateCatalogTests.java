package io.triage.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TemplateCatalogTests {

    @Test
    void englishHasAtLeastFifteenBodiesAndSeveralSubjectsPerDepartment() {
        TemplateCatalog english = TemplateCatalogs.bundled().of("en");
        for (String department : TicketLabels.DEPARTMENTS) {
            List<Scenario> scenarios = english.scenarios(department);
            assertThat(scenarios.stream().mapToInt(s -> s.bodies().size()).sum()).as(department).isGreaterThanOrEqualTo(15);
            assertThat(scenarios.stream().mapToInt(s -> s.subjects().size()).sum()).as(department).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void everyLanguageCanWriteEveryPartOfATicket() {
        for (String language : TicketLabels.LANGUAGES) {
            TemplateCatalog catalog = TemplateCatalogs.bundled().of(language);
            for (String department : TicketLabels.DEPARTMENTS) {
                assertThat(catalog.scenarios(department)).as(language + " " + department).isNotEmpty();
                assertThat(catalog.lines("mention " + department)).as(language + " mention " + department).isNotEmpty();
            }
            TicketLabels.URGENCIES.forEach(urgency ->
                    assertThat(catalog.lines("urgency " + urgency)).as(language + " " + urgency).isNotEmpty());
            TicketLabels.SENTIMENTS.forEach(sentiment ->
                    assertThat(catalog.lines("sentiment " + sentiment)).as(language + " " + sentiment).isNotEmpty());
            for (String section : List.of("contact", "verification", "subject-prefix urgent")) {
                assertThat(catalog.lines(section)).as(language + " " + section).isNotEmpty();
            }
        }
    }

    @Test
    void coversTheTypicalTriageCases() {
        List<String> cases = TicketLabels.DEPARTMENTS.stream()
                .flatMap(department -> TemplateCatalogs.bundled().of("en").scenarios(department).stream())
                .map(Scenario::name).toList();
        assertThat(cases).contains("account-locked", "password-reset", "refund", "duplicate-charge", "outage", "fraud",
                "cancellation", "not-received", "invoice-copy", "upgrade", "gdpr");
    }

    @Test
    void parsesSectionsScenariosEmptyEntriesAndLineBreaks() {
        TemplateCatalog catalog = TemplateCatalog.parse("xx", List.of("# comment", "[scenario Shipping/Delivery late 1]",
                "subject: Late", "body: Where is it?", "[closing any]", "-", "Bye,\\n{name}"));
        assertThat(catalog.scenarios(TicketLabels.SHIPPING_DELIVERY))
                .containsExactly(new Scenario(TicketLabels.SHIPPING_DELIVERY, "late", 1, List.of("Late"), List.of("Where is it?")));
        assertThat(catalog.lines("closing any")).containsExactly("", "Bye,\n{name}");
    }

    @Test
    void rejectsScenariosOfUnknownDepartments() {
        assertThatThrownBy(() -> TemplateCatalog.parse("xx", List.of("[scenario Legal contract 0]", "subject: a", "body: b")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Legal");
    }
}
