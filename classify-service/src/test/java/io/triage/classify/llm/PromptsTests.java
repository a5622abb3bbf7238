package io.triage.classify.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.triage.classify.testing.Taxonomies;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.classify.tier.SimilarTicket;
import org.junit.jupiter.api.Test;

class PromptsTests {

    private static final SanitisedTicket TICKET = new SanitisedTicket("T-1", "Refund", "I was charged twice",
            "email", null, "api");

    @Test
    void ragPromptListsTheExamplesWithTheirLabelsBeforeTheTicket() {
        String prompt = Prompts.user(TICKET, List.of(
                new SimilarTicket("H-1", 0.9, "Billing", "Medium", "Negative", "Double charge on my card"),
                new SimilarTicket("H-2", 0.8, "Billing", "Low", "Neutral", null)));
        assertThat(prompt).startsWith("Similar resolved tickets:")
                .contains("1. \"Double charge on my card\" -> department=Billing, urgency=Medium, sentiment=Negative")
                .contains("2. (ticket H-2, similarity 0.8) -> department=Billing")
                .contains("New ticket:\nSubject: Refund\nDescription: I was charged twice");
        assertThat(prompt.indexOf("New ticket")).isGreaterThan(prompt.indexOf("2. "));
    }

    @Test
    void zeroShotPromptHasNoExamplesAndIsShorter() {
        String zeroShot = Prompts.user(TICKET, List.of());
        assertThat(zeroShot).doesNotContain("Similar resolved tickets").startsWith("New ticket:");
        assertThat(zeroShot.length()).isLessThan(Prompts.user(TICKET,
                List.of(new SimilarTicket("H-1", 0.9, "Billing", "Medium", "Negative", "x"))).length());
    }

    @Test
    void systemPromptNamesEveryAllowedLabel() {
        assertThat(Prompts.system(Taxonomies.defaults())).contains("Shipping/Delivery", "Critical", "Positive");
    }
}
