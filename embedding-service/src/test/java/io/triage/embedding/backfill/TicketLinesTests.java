package io.triage.embedding.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;

import io.triage.embedding.ticket.TicketText;
import org.junit.jupiter.api.Test;

class TicketLinesTests {

    @Test
    void aCompleteLineBecomesATicket() {
        TicketText ticket = TicketLines.parse("""
                {"ticketId":"T-1","customerId":"C-1","text":"Card declined","createdAt":"2026-11-01T10:00:00Z",\
                "department":"billing"}""", 1);
        assertThat(ticket).isEqualTo(new TicketText("T-1", "C-1", "Card declined",
                Instant.parse("2026-11-01T10:00:00Z"), "billing", null, null));
    }

    @Test
    void aMissingFieldNamesLineAndFieldButNotTheText() {
        assertThatExceptionOfType(TicketLines.BadLineException.class)
                .isThrownBy(() -> TicketLines.parse("""
                        {"customerId":"C-1","text":"secret complaint","createdAt":"2026-11-01T10:00:00Z"}""", 7))
                .withMessage("line 7: field 'ticketId' is missing or blank")
                .withMessageNotContaining("secret");
    }

    @Test
    void aTicketWithoutACustomerIsRead() {
        TicketText ticket = TicketLines.parse("""
                {"ticketId":"T-2","text":"Card declined","createdAt":"2026-11-01T10:00:00Z"}""", 2);
        assertThat(ticket.customerId()).isNull();
        assertThat(ticket.ticketId()).isEqualTo("T-2");
    }

    @Test
    void aBadTimestampIsNamed() {
        assertThatExceptionOfType(TicketLines.BadLineException.class)
                .isThrownBy(() -> TicketLines.parse("""
                        {"ticketId":"T","customerId":"C","text":"x","createdAt":"yesterday"}""", 3))
                .withMessageContaining("'createdAt'");
    }

    @Test
    void aLineThatIsNotJsonIsNamed() {
        assertThatExceptionOfType(TicketLines.BadLineException.class)
                .isThrownBy(() -> TicketLines.parse("{not json", 9))
                .withMessage("line 9: not a JSON object");
    }
}
