package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestFingerprintTests {

    private static final TicketInput TICKET = new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1",
            "servicenow");

    @Test
    void theSameRequestHasTheSameFingerprint() {
        TicketInput copy = new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1", "servicenow");
        assertThat(RequestFingerprint.of(copy)).isEqualTo(RequestFingerprint.of(TICKET)).hasSize(64);
    }

    @Test
    void everyFieldCounts() {
        assertThat(List.of(
                new TicketInput("INC-2", "Refund", "Please refund", "email", "C-1", "servicenow"),
                new TicketInput("INC-1", "Refunds", "Please refund", "email", "C-1", "servicenow"),
                new TicketInput("INC-1", "Refund", "Please refund!", "email", "C-1", "servicenow"),
                new TicketInput("INC-1", "Refund", "Please refund", "chat", "C-1", "servicenow"),
                new TicketInput("INC-1", "Refund", "Please refund", "email", "C-2", "servicenow"),
                new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1", "zendesk")))
                .extracting(RequestFingerprint::of)
                .doesNotContain(RequestFingerprint.of(TICKET))
                .doesNotHaveDuplicates();
    }

    @Test
    void anAbsentFieldIsNotAnEmptyOneAndTextCannotMoveBetweenFields() {
        assertThat(RequestFingerprint.of(new TicketInput(null, null, "d", null, null, null)))
                .isNotEqualTo(RequestFingerprint.of(new TicketInput(null, "", "d", null, null, null)));
        assertThat(RequestFingerprint.of(new TicketInput(null, "Refund ", "please", null, null, null)))
                .isNotEqualTo(RequestFingerprint.of(new TicketInput(null, "Refund", " please", null, null, null)));
    }

    @Test
    void languageAndSegmentTellRequestsApartButLeaveOldFingerprintsAsTheyWere() {
        TicketInput plain = new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1", "servicenow");
        assertThat(RequestFingerprint.of(new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1",
                "servicenow", null, null))).isEqualTo(RequestFingerprint.of(plain));
        assertThat(List.of(
                RequestFingerprint.of(new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1",
                        "servicenow", "en", null)),
                RequestFingerprint.of(new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1",
                        "servicenow", null, "en")),
                RequestFingerprint.of(new TicketInput("INC-1", "Refund", "Please refund", "email", "C-1",
                        "servicenow", "en", "retail"))))
                .doesNotContain(RequestFingerprint.of(plain))
                .doesNotHaveDuplicates();
    }
}
