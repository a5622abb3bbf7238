package io.triage.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PiiSpanTests {

    private static final List<SyntheticTicket> TICKETS = new TicketGenerator(2026).generate(2_000);

    /** What the whole labelled substring must look like, per type: a span cut too short or too long fails. */
    private static final Map<PiiType, Pattern> SHAPES = Map.ofEntries(
            Map.entry(PiiType.EMAIL, Pattern.compile("[a-z0-9._]+@[a-z0-9.-]+\\.[a-z]{2,}")),
            Map.entry(PiiType.PHONE, Pattern.compile("\\+?[0-9()][0-9 ()-]{8,17}[0-9]")),
            Map.entry(PiiType.ACCOUNT_ID, Pattern.compile("ACC-\\d{4}-\\d{4}|ACC\\d{8}|AC-[A-Z]{2}\\d{6}|[a-z]{3,6}\\d{2,4}"
                    + "|00\\d{6}|[A-Z]-\\d{5}|ORD\\d{7}")),
            Map.entry(PiiType.CREDIT_CARD, Pattern.compile("\\d{4}([ -]?\\d{4}){3}|\\d{4}[ -]?\\d{6}[ -]?\\d{5}")),
            Map.entry(PiiType.IBAN, Pattern.compile("[A-Z]{2}\\d{2}( ?[A-Z0-9]{1,4})+")),
            Map.entry(PiiType.IP_ADDRESS, Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f]{1,4}(:{1,2}[0-9a-f]{1,4}){2,7}")),
            Map.entry(PiiType.US_SSN, Pattern.compile("\\d{3}[- ]\\d{2}[- ]\\d{4}")),
            Map.entry(PiiType.UK_NINO, Pattern.compile("[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]")),
            Map.entry(PiiType.DATE_OF_BIRTH, Pattern.compile("\\d{2}[/.]\\d{2}[/.]\\d{4}|\\d{4}-\\d{2}-\\d{2}"
                    + "|\\d{1,2} [A-Za-z]+ \\d{4}|[A-Za-z]+ \\d{1,2}, \\d{4}")),
            Map.entry(PiiType.PERSON, Pattern.compile("\\p{L}[\\p{L}'-]*( \\p{L}[\\p{L}'-]*)?")),
            Map.entry(PiiType.ORG, Pattern.compile("\\p{L}[\\p{L}&.\\- ]*\\p{L}\\.?")),
            Map.entry(PiiType.LOCATION, Pattern.compile("\\p{L}[\\p{L} ]*\\p{L}")));

    @Test
    void everySpanLabelsExactlyAValueOfItsType() {
        for (SyntheticTicket ticket : TICKETS) {
            for (PiiSpan span : ticket.piiSpans()) {
                String field = span.field() == PiiSpan.Field.SUBJECT ? ticket.subject() : ticket.description();
                assertThat(span.end()).as("%s %s", ticket.ticketId(), span).isLessThanOrEqualTo(field.length());
                String value = ticket.textOf(span);
                assertThat(value).as("%s %s", ticket.ticketId(), span.type()).matches(SHAPES.get(span.type()));
                if (span.end() < field.length() && span.type() != PiiType.ORG) {
                    assertThat(Character.isLetterOrDigit(field.charAt(span.end())))
                            .as("%s: '%s' is followed by more of the same word", ticket.ticketId(), value).isFalse();
                }
                if (span.start() > 0) {
                    assertThat(Character.isLetterOrDigit(field.charAt(span.start() - 1)))
                            .as("%s: '%s' is preceded by more of the same word", ticket.ticketId(), value).isFalse();
                }
            }
        }
    }

    @Test
    void spansNeverOverlap() {
        for (SyntheticTicket ticket : TICKETS) {
            for (PiiSpan.Field field : PiiSpan.Field.values()) {
                List<PiiSpan> spans = new ArrayList<>(ticket.piiSpans().stream().filter(s -> s.field() == field).toList());
                spans.sort(Comparator.comparingInt(PiiSpan::start));
                for (int i = 1; i < spans.size(); i++) {
                    assertThat(spans.get(i).start()).as(ticket.ticketId()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
                }
            }
        }
    }

    @Test
    void twoThousandTicketsCoverEveryPiiTypeInBothFields() {
        Set<PiiType> seen = EnumSet.noneOf(PiiType.class);
        Set<PiiSpan.Field> fields = EnumSet.noneOf(PiiSpan.Field.class);
        TICKETS.forEach(ticket -> ticket.piiSpans().forEach(span -> {
            seen.add(span.type());
            fields.add(span.field());
        }));
        assertThat(seen).containsExactlyInAnyOrder(PiiType.values());
        assertThat(fields).containsExactlyInAnyOrder(PiiSpan.Field.values());
    }

    @Test
    void mostTicketsCarrySomePersonalData() {
        long withPii = TICKETS.stream().filter(ticket -> !ticket.piiSpans().isEmpty()).count();
        assertThat(withPii).isGreaterThan(TICKETS.size() / 2);
    }

    @Test
    void cardNumbersPassTheLuhnCheck() {
        List<String> cards = values(PiiType.CREDIT_CARD);
        assertThat(cards).hasSizeGreaterThan(20);
        assertThat(cards).allSatisfy(card -> assertThat(luhnValid(card.replaceAll("[ -]", ""))).as(card).isTrue());
    }

    @Test
    void ibansPassTheMod97CheckForSeveralCountries() {
        List<String> ibans = values(PiiType.IBAN);
        assertThat(ibans).hasSizeGreaterThan(20);
        assertThat(ibans).allSatisfy(iban -> assertThat(mod97(iban.replace(" ", ""))).as(iban).isEqualTo(1));
        assertThat(ibans.stream().map(iban -> iban.substring(0, 2)).distinct().count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void namesComeFromSeveralCultures() {
        Set<String> persons = Set.copyOf(values(PiiType.PERSON));
        assertThat(persons).anyMatch(name -> name.contains("García") || name.contains("Sánchez") || name.contains("López"));
        assertThat(persons).anyMatch(name -> name.contains("Sharma") || name.contains("Patel") || name.contains("Singh"));
        assertThat(persons).anyMatch(name -> name.contains("Okafor") || name.contains("Adeyemi") || name.contains("Eze"));
        assertThat(persons).anyMatch(name -> name.contains("Kowalski") || name.contains("Nowak") || name.contains("Mazur"));
    }

    @Test
    void phonesAndIpAddressesComeInSeveralFormats() {
        List<String> phones = values(PiiType.PHONE);
        assertThat(phones).anyMatch(phone -> phone.matches("\\+\\d{11,13}"));
        assertThat(phones).anyMatch(phone -> phone.startsWith("("));
        assertThat(phones).anyMatch(phone -> phone.startsWith("0"));
        List<String> ips = values(PiiType.IP_ADDRESS);
        assertThat(ips).anyMatch(ip -> ip.contains(":"));
        assertThat(ips).anyMatch(ip -> ip.contains("."));
    }

    private static List<String> values(PiiType type) {
        return TICKETS.stream().flatMap(ticket -> ticket.piiSpans().stream()
                .filter(span -> span.type() == type).map(ticket::textOf)).toList();
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        rearranged.chars().forEach(c -> numeric.append(Character.getNumericValue(c)));
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
