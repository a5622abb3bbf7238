package io.triage.tickets;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the subject and description of one ticket whose labels are already drawn: picks a scenario of
 * the department that fits the urgency, then adds openings, cues, contact details and closings the way
 * people do — cues only correlate with the labels, and some tickets also mention another department.
 */
final class TicketWriter {

    private static final double OWN_URGENCY_CUE = 0.6;
    private static final double NEIGHBOUR_URGENCY_CUE = 0.15;
    private static final double OWN_SENTIMENT_CUE = 0.65;
    private static final double SHORT_TICKET = 0.18;
    /** Half of writers make no typos, 35 % the base rate, 15 % this multiple: the mean is the base rate. */
    private static final double CARELESS_FACTOR = 0.65 / 0.15;

    private final Dice dice;
    private final TicketMix mix;
    private final TemplateCatalogs catalogs;

    TicketWriter(Dice dice, TicketMix mix, TemplateCatalogs catalogs) {
        this.dice = dice;
        this.mix = mix;
        this.catalogs = catalogs;
    }

    SyntheticTicket write(String ticketId, Customer customer, String channel, String department, String urgency,
            String sentiment) {
        TemplateCatalog catalog = catalogs.of(customer.language());
        PlaceholderFiller filler = new PlaceholderFiller(dice, catalog, catalogs.of("en"));
        Scenario scenario = pickScenario(catalog.scenarios(department), urgency);
        double typoRate = writerTypoRate();
        boolean lowercase = dice.chance(mix.lowercaseShare());

        TicketText subject = new TicketText(PiiSpan.Field.SUBJECT, dice, typoRate, lowercase);
        if (TicketLabels.URGENCIES.indexOf(urgency) >= 2 && dice.chance(0.25)) {
            subject.plain(dice.pick(catalog.lines("subject-prefix urgent")) + " ");
        }
        filler.render(dice.pick(scenario.subjects()), customer, subject);

        TicketText description = new TicketText(PiiSpan.Field.DESCRIPTION, dice, typoRate, lowercase);
        boolean brief = dice.chance(channel.equals("chat") || channel.equals("social") ? 2 * SHORT_TICKET : SHORT_TICKET);
        String paragraph = channel.equals("email") ? "\n\n" : " ";
        if (!brief) {
            sentence(filler, customer, description, pickLine(catalog, "opening " + channel), paragraph);
            if (!description.isEmpty()) {
                description.plain(paragraph);
            }
        }
        String sentimentCue = sentimentCue(catalog, sentiment);
        boolean sentimentFirst = !sentiment.equals("Neutral") && dice.chance(0.25);
        if (!brief && sentimentFirst) {
            sentence(filler, customer, description, sentimentCue, " ");
        }
        sentence(filler, customer, description, dice.pick(scenario.bodies()), " ");
        if (dice.chance(mix.ambiguousShare())) {
            sentence(filler, customer, description, otherDepartmentMention(catalog, department), " ");
        }
        if (!brief) {
            if (dice.chance(0.35)) {
                sentence(filler, customer, description, dice.pick(catalog.lines("contact")), " ");
            }
            if (dice.chance(verificationShare(department))) {
                sentence(filler, customer, description, dice.pick(catalog.lines("verification")), " ");
            }
        }
        sentence(filler, customer, description, urgencyCue(catalog, urgency), " ");
        if (!brief && !sentimentFirst) {
            sentence(filler, customer, description, sentimentCue, " ");
        }
        if (!brief) {
            sentence(filler, customer, description, pickLine(catalog, "closing " + channel), paragraph);
        }
        List<PiiSpan> spans = new ArrayList<>(subject.spans());
        spans.addAll(description.spans());
        return new SyntheticTicket(ticketId, customer.customerId(), channel, subject.text(), description.text(),
                department, urgency, sentiment, customer.language(), spans);
    }

    private void sentence(PlaceholderFiller filler, Customer customer, TicketText out, String template,
            String separator) {
        if (!template.isEmpty()) {
            out.separate(separator);
            filler.render(template, customer, out);
        }
    }

    /** Scenarios leaning towards the drawn urgency are likelier, so wording and urgency correlate. */
    private Scenario pickScenario(List<Scenario> scenarios, String urgency) {
        double lean = TicketLabels.URGENCIES.indexOf(urgency) - 1.5;
        double[] weights = new double[scenarios.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.max(0.15, 1 + 0.5 * lean * scenarios.get(i).severity());
        }
        return scenarios.get(dice.weighted(weights));
    }

    /** Most people type cleanly; some are careless. The mean over tickets is the configured rate. */
    private double writerTypoRate() {
        double roll = dice.unit();
        if (roll < 0.5) {
            return 0;
        }
        return roll < 0.85 ? mix.typoRate() : mix.typoRate() * CARELESS_FACTOR;
    }

    private String urgencyCue(TemplateCatalog catalog, String urgency) {
        double roll = dice.unit();
        if (roll < OWN_URGENCY_CUE) {
            return dice.pick(catalog.lines("urgency " + urgency));
        }
        if (roll < OWN_URGENCY_CUE + NEIGHBOUR_URGENCY_CUE) {
            int index = TicketLabels.URGENCIES.indexOf(urgency);
            int neighbour = index == 0 ? 1 : index == TicketLabels.URGENCIES.size() - 1 ? index - 1
                    : index + (dice.chance(0.5) ? 1 : -1);
            return dice.pick(catalog.lines("urgency " + TicketLabels.URGENCIES.get(neighbour)));
        }
        return "";
    }

    private String sentimentCue(TemplateCatalog catalog, String sentiment) {
        double roll = dice.unit();
        if (roll < OWN_SENTIMENT_CUE) {
            return dice.pick(catalog.lines("sentiment " + sentiment));
        }
        return roll < OWN_SENTIMENT_CUE + 0.1 ? dice.pick(catalog.lines("sentiment Neutral")) : "";
    }

    private String otherDepartmentMention(TemplateCatalog catalog, String department) {
        List<String> others = TicketLabels.DEPARTMENTS.stream().filter(other -> !other.equals(department)).toList();
        return dice.pick(catalog.lines("mention " + dice.pick(others)));
    }

    private String pickLine(TemplateCatalog catalog, String section) {
        List<String> lines = catalog.lines(section);
        return dice.pick(lines.isEmpty() ? catalog.lines(section.substring(0, section.indexOf(' ')) + " any") : lines);
    }

    private static double verificationShare(String department) {
        return switch (department) {
            case TicketLabels.SECURITY, TicketLabels.ACCOUNT_MANAGEMENT -> 0.35;
            case TicketLabels.BILLING -> 0.15;
            default -> 0.06;
        };
    }
}
