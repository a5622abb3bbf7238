package io.triage.classify.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.triage.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class TicketValidationTests {

    private static ApiProblem refusal(TicketInput ticket) {
        return catchThrowableOfType(ApiProblem.class, () -> TicketValidation.check(ticket, "", 100));
    }

    @Test
    void aPlainTicketIsAccepted() {
        assertThatNoException().isThrownBy(() -> TicketValidation.check(
                new TicketInput("INC-1", "Refund", "Please refund", "Email", "CUST-1", "ServiceNow"), "", 100));
    }

    @Test
    void missingDescriptionIs400NamingTheField() {
        ApiProblem problem = refusal(new TicketInput("INC-1", "Refund", " ", "email", null, null));
        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getMessage()).contains("blank");
        assertThat(problem.properties()).containsEntry("field", "description");
    }

    @Test
    void oversizedTextIs413NamingTheField() {
        ApiProblem problem = refusal(new TicketInput(null, "x".repeat(60), "y".repeat(60), null, null, null));
        assertThat(problem.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(problem.properties()).containsEntry("field", "description");
    }

    @Test
    void unknownChannelIs400() {
        ApiProblem problem = refusal(new TicketInput(null, null, "help", "carrier-pigeon", null, null));
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
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> TicketValidation.check(
                new TicketInput(null, null, "", null, null, null), "tickets[3].", 100));
        assertThat(problem.properties()).containsEntry("field", "tickets[3].description");
    }
}
