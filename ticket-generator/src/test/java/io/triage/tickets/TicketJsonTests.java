package io.triage.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.json.JsonContent;

class TicketJsonTests {

    private final List<SyntheticTicket> tickets = new TicketGenerator(99).generate(200);

    @Test
    void jsonlRoundTripGivesEqualTickets(@TempDir Path dir) {
        Path file = dir.resolve("tickets.jsonl");
        TicketJson.writeJsonl(tickets, file);
        assertThat(TicketJson.readJsonl(file)).isEqualTo(tickets);
    }

    @Test
    void eachTicketIsOneLineEvenWhenTheTextHasLineBreaks() {
        StringWriter out = new StringWriter();
        TicketJson.writeJsonl(tickets, out);
        assertThat(tickets).anyMatch(ticket -> ticket.description().contains("\n"));
        assertThat(out.toString().split("\n")).hasSize(tickets.size());
        assertThat(TicketJson.readJsonl(new StringReader(out.toString()))).isEqualTo(tickets);
    }

    @Test
    void fieldNamesAreSnakeCaseAndEnumsAreNames() {
        SyntheticTicket withSpans = tickets.stream().filter(ticket -> !ticket.piiSpans().isEmpty()).findFirst()
                .orElseThrow();
        String json = TicketJson.toJson(withSpans);
        JsonContent content = new JsonContent(json);
        assertThat(content).extractingPath("$.ticket_id").isEqualTo(withSpans.ticketId());
        assertThat(content).hasPath("$.customer_id");
        assertThat(content).extractingPath("$.pii_spans").asArray().hasSize(withSpans.piiSpans().size());
        assertThat(content).extractingPath("$.pii_spans[0].field")
                .isEqualTo(withSpans.piiSpans().getFirst().field().name());
        assertThat(content).extractingPath("$.pii_spans[0].type")
                .isEqualTo(withSpans.piiSpans().getFirst().type().name());
        assertThat(TicketJson.fromJson(json)).isEqualTo(withSpans);
    }
}
