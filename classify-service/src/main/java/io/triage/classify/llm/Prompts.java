package io.triage.classify.llm;

import java.util.List;

import io.triage.classify.taxonomy.Labels;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.classify.tier.SimilarTicket;

/**
 * The prompt of the seed: instructions with the taxonomy's label vocabularies, then (RAG) the similar historical
 * tickets with their department, urgency and sentiment as examples, then the new ticket. Texts are sanitised before they get here.
 */
final class Prompts {

    private static final String SYSTEM = """
            You route call-centre tickets. Answer with one JSON object and nothing else, with the fields
            department (one of %s), urgency (one of %s), sentiment (one of %s), confidence (a number from 0 to 1:
            how sure you are of the department) and reason (one short sentence). Placeholders such as <PERSON> or
            <EMAIL> stand for removed personal data.""";

    static final String RETRY_NOTE = """

            Your previous answer did not follow the required JSON format. Answer again with exactly one JSON object \
            with the five fields and allowed values only.""";

    private Prompts() {
    }

    /** The instructions, with the label vocabularies of the taxonomy as it is at the call. */
    static String system(Labels labels) {
        return SYSTEM.formatted(labels.departments(), labels.urgencies(), labels.sentiments());
    }

    /** The user message: examples (none for zero-shot) and the ticket. */
    static String user(SanitisedTicket ticket, List<SimilarTicket> examples) {
        StringBuilder prompt = new StringBuilder();
        if (!examples.isEmpty()) {
            prompt.append("Similar resolved tickets:\n");
            int n = 1;
            for (SimilarTicket example : examples) {
                prompt.append(n++).append(". ");
                if (example.text() != null && !example.text().isBlank()) {
                    prompt.append('"').append(clip(example.text())).append("\" ");
                } else {
                    prompt.append("(ticket ").append(example.ticketId()).append(", similarity ")
                            .append(Math.round(example.similarity() * 100) / 100.0).append(") ");
                }
                prompt.append("-> department=").append(example.department()).append(", urgency=")
                        .append(example.urgency()).append(", sentiment=").append(example.sentiment()).append('\n');
            }
            prompt.append('\n');
        }
        prompt.append("New ticket:\n");
        if (!ticket.subject().isEmpty()) {
            prompt.append("Subject: ").append(ticket.subject()).append('\n');
        }
        prompt.append("Description: ").append(ticket.description()).append('\n');
        if (!ticket.channel().isEmpty()) {
            prompt.append("Channel: ").append(ticket.channel()).append('\n');
        }
        return prompt.toString();
    }

    /** Examples are kept short: they are there for their labels, and tokens cost money. */
    private static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
