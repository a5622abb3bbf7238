package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.TooLargeException;
import org.junit.jupiter.api.Test;

class TicketValidationTests {

    private static ProblemException refusal(TicketInput ticket) {
        return catchThrowableOfType(ProblemException.class, () -> TicketValidation.check(ticket, "", 100));
    }

    @Test
    void aPlainTicketIsAccepted() {
        assertThatNoException().isThrownBy(() -> TicketValidation.check(
                new TicketInput("INC-1", "Refund", "Please refund", "Email", "CUST-1", "ServiceNow"), "", 100));
    }

    @Test
    void missingDescriptionIs400NamingTheField() {
        ProblemException problem = refusal(new TicketInput("INC-1", "Refund", " ", "email", null, null));
        assertThat(problem).isInstanceOf(InvalidInputException.class);
        assertThat(problem.getMessage()).contains("blank");
        assertThat(problem.properties()).containsEntry("field", "description");
    }

    @Test
    void oversizedTextIs413NamingTheField() {
        ProblemException problem = refusal(new TicketInput(null, "x".repeat(60), "y".repeat(60), null, null, null));
        assertThat(problem).isInstanceOf(TooLargeException.class);
        assertThat(problem.properties()).containsEntry("field", "description");
    }

    @Test
    void unknownChannelIs400() {
        ProblemException problem = refusal(new TicketInput(null, null, "help", "carrier-pigeon", null, null));
        assertThat(problem.properties()).containsEntry("field", "channel");
    }

    @Test
    void invalidIdsAre400NamingTheField() {
        assertThat(refusal(new TicketInput("bad id with spaces", null, "help", null, null, null)).properties())
                .containsEntry("field", "ticketId");
        assertThat(refusal(new TicketInput(null, null, "help", null, "x".repeat(200), null)).properties())
                .containsEntry("field", "customerId");
    }

    @Test
    void batchFieldsCarryTheTicketsIndex() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> TicketValidation.check(
                new TicketInput(null, null, "", null, null, null), "tickets[3].", 100));
        assertThat(problem.properties()).containsEntry("field", "tickets[3].description");
    }
}
