package io.triage.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates realistic synthetic call-centre tickets with ground-truth labels and exactly located PII.
 * Everything is drawn from one {@link SplittableRandom} seeded by the caller, so the same seed gives the
 * same sequence on any machine and JDK. Not thread-safe: use one generator per thread.
 */
public final class TicketGenerator {

    private final Dice dice;
    private final TicketMix mix;
    private final CustomerPool customers;
    private final TicketWriter writer;
    private final double[] departmentWeights;
    private final double[] urgencyWeights;
    private final double[] sentimentWeights;
    private final double[] channelWeights;
    private long sequence;

    /** A generator with the {@link TicketMix#defaults() default mix}. */
    public TicketGenerator(long seed) {
        this(seed, TicketMix.defaults());
    }

    public TicketGenerator(long seed, TicketMix mix) {
        this.dice = new Dice(new SplittableRandom(seed));
        this.mix = mix;
        this.customers = new CustomerPool(mix.customerPoolSize(), dice, mix.foreignLanguageShare());
        this.writer = new TicketWriter(dice, mix, TemplateCatalogs.bundled());
        this.departmentWeights = TicketMix.weightsInOrder(mix.departments(), TicketLabels.DEPARTMENTS);
        this.urgencyWeights = TicketMix.weightsInOrder(mix.urgencies(), TicketLabels.URGENCIES);
        this.sentimentWeights = TicketMix.weightsInOrder(mix.sentiments(), TicketLabels.SENTIMENTS);
        this.channelWeights = TicketMix.weightsInOrder(mix.channels(), TicketLabels.CHANNELS);
    }

    /** The mix this generator draws from. */
    public TicketMix mix() {
        return mix;
    }

    public SyntheticTicket next() {
        sequence++;
        String ticketId = String.format(Locale.ROOT, "SYN-%07d", sequence);
        Customer customer = customers.draw();
        String department = TicketLabels.DEPARTMENTS.get(dice.weighted(departmentWeights));
        String urgency = TicketLabels.URGENCIES.get(dice.weighted(urgencyWeights));
        String sentiment = TicketLabels.SENTIMENTS.get(dice.weighted(sentimentWeights));
        String channel = TicketLabels.CHANNELS.get(dice.weighted(channelWeights));
        return writer.write(ticketId, customer, channel, department, urgency, sentiment);
    }

    public List<SyntheticTicket> generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<SyntheticTicket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tickets.add(next());
        }
        return tickets;
    }
}
