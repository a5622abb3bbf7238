package io.triage.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TicketGeneratorTests {

    private static final List<SyntheticTicket> TICKETS = new TicketGenerator(42).generate(2_000);

    @Test
    void sameSeedGivesIdenticalTickets() {
        assertThat(new TicketGenerator(7).generate(300)).isEqualTo(new TicketGenerator(7).generate(300));
    }

    @Test
    void nextContinuesTheSameSequenceAsGenerate() {
        TicketGenerator stepwise = new TicketGenerator(11);
        List<SyntheticTicket> oneByOne = List.of(stepwise.next(), stepwise.next(), stepwise.next());
        assertThat(new TicketGenerator(11).generate(3)).isEqualTo(oneByOne);
    }

    @Test
    void differentSeedsGiveDifferentTickets() {
        List<SyntheticTicket> first = new TicketGenerator(1).generate(50);
        List<SyntheticTicket> second = new TicketGenerator(2).generate(50);
        assertThat(first).isNotEqualTo(second);
        assertThat(descriptions(first)).doesNotContainAnyElementsOf(descriptions(second).stream()
                .filter(text -> text.length() > 150).toList());
    }

    @Test
    void ticketIdsCountUpFromOne() {
        assertThat(TICKETS.get(0).ticketId()).isEqualTo("SYN-0000001");
        assertThat(TICKETS.get(41).ticketId()).isEqualTo("SYN-0000042");
    }

    @Test
    void everyLabelComesFromTheVocabularies() {
        assertThat(TICKETS).allSatisfy(ticket -> {
            assertThat(TicketLabels.DEPARTMENTS).contains(ticket.department());
            assertThat(TicketLabels.URGENCIES).contains(ticket.urgency());
            assertThat(TicketLabels.SENTIMENTS).contains(ticket.sentiment());
            assertThat(TicketLabels.CHANNELS).contains(ticket.channel());
            assertThat(TicketLabels.LANGUAGES).contains(ticket.language());
            assertThat(ticket.subject()).isNotBlank();
            assertThat(ticket.description()).isNotBlank();
        });
    }

    @Test
    void everyDepartmentUrgencySentimentAndChannelOccurs() {
        assertThat(count(SyntheticTicket::department).keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.DEPARTMENTS);
        assertThat(count(SyntheticTicket::urgency).keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.URGENCIES);
        assertThat(count(SyntheticTicket::sentiment).keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.SENTIMENTS);
        assertThat(count(SyntheticTicket::channel).keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.CHANNELS);
    }

    @Test
    void defaultMixMakesTechnicalSupportAndBillingMostCommon() {
        Map<String, Long> departments = count(SyntheticTicket::department);
        long least = departments.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(departments.get(TicketLabels.TECHNICAL_SUPPORT)).isGreaterThan(3 * least);
        assertThat(departments.get(TicketLabels.BILLING)).isGreaterThan(3 * least);
        Map<String, Long> urgencies = count(SyntheticTicket::urgency);
        assertThat(urgencies.getOrDefault("Medium", 0L) + urgencies.getOrDefault("Low", 0L)).isGreaterThan(TICKETS.size() * 6 / 10);
        Map<String, Long> sentiments = count(SyntheticTicket::sentiment);
        assertThat(sentiments.get("Positive")).isLessThan(sentiments.get("Negative"));
    }

    @Test
    void configuredWeightsDecideTheDepartments() {
        TicketMix onlySecurity = TicketMix.defaults().withDepartments(Map.of(TicketLabels.SECURITY, 1.0));
        assertThat(new TicketGenerator(3, onlySecurity).generate(200))
                .extracting(SyntheticTicket::department).containsOnly(TicketLabels.SECURITY);
    }

    @Test
    void customersRepeatAcrossTickets() {
        Set<String> distinct = TICKETS.stream().map(SyntheticTicket::customerId).collect(Collectors.toSet());
        assertThat(distinct.size()).isLessThan(TICKETS.size() * 3 / 4);
        assertThat(distinct).allMatch(id -> id.matches("CUST-\\d{5}"));
    }

    @Test
    void aFewTicketsAreInOtherLanguagesAndEnglishOnlyCanBeChosen() {
        long foreign = TICKETS.stream().filter(ticket -> !ticket.language().equals("en")).count();
        assertThat(foreign).isBetween(40L, 400L);
        assertThat(new TicketGenerator(5, TicketMix.defaults().withForeignLanguageShare(0)).generate(300))
                .extracting(SyntheticTicket::language).containsOnly("en");
    }

    @Test
    void someTicketsAreAllLowercaseAndSomeHaveTypos() {
        assertThat(TICKETS).anyMatch(ticket -> ticket.description().length() > 80
                && ticket.description().equals(ticket.description().toLowerCase(Locale.ROOT)));
        List<SyntheticTicket> clean = new TicketGenerator(9, TicketMix.defaults().withTypoRate(0)).generate(500);
        List<SyntheticTicket> sloppy = new TicketGenerator(9, TicketMix.defaults().withTypoRate(0.3)).generate(500);
        assertThat(misspelledWordCount(sloppy)).isGreaterThan(2 * misspelledWordCount(clean) + 200);
    }

    @Test
    void ticketsVaryInLengthFromOneLineToSeveralSentences() {
        List<Integer> lengths = TICKETS.stream().map(ticket -> ticket.description().length()).sorted().toList();
        assertThat(lengths.getFirst()).isLessThan(60);
        assertThat(lengths.getLast()).isGreaterThan(400);
    }

    private static Map<String, Long> count(Function<SyntheticTicket, String> label) {
        return TICKETS.stream().collect(Collectors.groupingBy(label, TreeMap::new, Collectors.counting()));
    }

    private static List<String> descriptions(List<SyntheticTicket> tickets) {
        return tickets.stream().map(SyntheticTicket::description).toList();
    }

    /** Words of four or more letters that a large clean sample never contains. */
    private static long misspelledWordCount(List<SyntheticTicket> tickets) {
        Set<String> knownWords = new TicketGenerator(10, TicketMix.defaults().withTypoRate(0)).generate(3_000)
                .stream().flatMap(ticket -> words(ticket).stream()).collect(Collectors.toSet());
        return tickets.stream().flatMap(ticket -> words(ticket).stream())
                .filter(word -> word.length() >= 4 && !knownWords.contains(word))
                .count();
    }

    private static List<String> words(SyntheticTicket ticket) {
        return List.of(ticket.description().toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
    }
}
