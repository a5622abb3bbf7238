package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.classify.taxonomy.SourceChannels;
import io.triage.classify.testing.Taxonomies;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.TooLargeException;
import org.junit.jupiter.api.Test;

class TicketValidationTests {

    private static final SourceChannels CHANNELS = Taxonomies.sourceChannels(new SimpleMeterRegistry());

    private static ProblemException refusal(TicketInput ticket) {
        return catchThrowableOfType(ProblemException.class, () -> TicketValidation.check(ticket, "", 100, CHANNELS));
    }

    @Test
    void aPlainTicketIsAccepted() {
        assertThatNoException().isThrownBy(() -> TicketValidation.check(
                new TicketInput("INC-1", "Refund", "Please refund", "Email", "CUST-1", "ServiceNow"), "", 100,
                CHANNELS));
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
    void unknownChannelWithoutATicketingSystemIs400NamingTheFieldAndTheChannels() {
        ProblemException problem = refusal(new TicketInput(null, null, "help", "carrier-pigeon", null, null));
        assertThat(problem).isInstanceOf(InvalidInputException.class);
        assertThat(problem.properties()).containsEntry("field", "channel");
        assertThat(problem.getMessage()).contains("[email, phone, chat, web, social, api]");
        assertThat(refusal(new TicketInput(null, null, "help", "carrier-pigeon", null, "import")).properties())
                .containsEntry("field", "channel");
    }

    @Test
    void aTicketingSystemsChannelValuesPassMappedOrNot() {
        assertThatNoException().isThrownBy(() -> TicketValidation.check(
                new TicketInput(null, null, "help", "self-service", null, "servicenow"), "", 100, CHANNELS));
        assertThatNoException().isThrownBy(() -> TicketValidation.check(
                new TicketInput(null, null, "help", "carrier-pigeon", null, "Zendesk"), "", 100, CHANNELS));
        assertThatNoException().isThrownBy(() -> TicketValidation.check(
                new TicketInput(null, null, "help", "", null, "jira"), "", 100, CHANNELS));
    }

    @Test
    void aChannelLongerThanTheLogKeepsOrWithControlCharactersIs400() {
        assertThat(refusal(new TicketInput(null, null, "help", "x".repeat(33), null, "servicenow")).properties())
                .containsEntry("field", "channel");
        assertThat(refusal(new TicketInput(null, null, "help", "web\n", null, "servicenow")).properties())
                .containsEntry("field", "channel");
        assertThat(refusal(new TicketInput(null, null, "help", " ", null, null)).properties())
                .containsEntry("field", "channel");
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
                new TicketInput(null, null, "", null, null, null), "tickets[3].", 100, CHANNELS));
        assertThat(problem.properties()).containsEntry("field", "tickets[3].description");
    }

    @Test
    void languageTagsAndSegmentsAreAccepted() {
        assertThatNoException().isThrownBy(() -> TicketValidation.check(new TicketInput(null, null, "help", null,
                null, null, "de-CH", "Enterprise"), "", 100, CHANNELS));
        assertThatNoException().isThrownBy(() -> TicketValidation.check(new TicketInput(null, null, "help", null,
                null, null, "zh-Hant-TW", "smb_2"), "", 100, CHANNELS));
    }

    @Test
    void malformedLanguageIs400NamingTheField() {
        for (String language : new String[] {"english", "e", "en_GB", "en-", "abc-12", "en-US-x-private-use-long"}) {
            assertThat(refusal(new TicketInput(null, null, "help", null, null, null, language, null)).properties())
                    .as(language).containsEntry("field", "language");
        }
    }

    @Test
    void malformedCustomerSegmentIs400NamingTheField() {
        for (String segment : new String[] {"", "big spender", "-retail", "x".repeat(33), "retail\n"}) {
            assertThat(refusal(new TicketInput(null, null, "help", null, null, null, "en", segment)).properties())
                    .as(segment).containsEntry("field", "customerSegment");
        }
    }
}
