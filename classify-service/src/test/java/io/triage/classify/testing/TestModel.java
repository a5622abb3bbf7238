package io.triage.classify.testing;

import java.util.List;
import java.util.Map;

import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.ModelTier;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingSet;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real model for the chain's tests: the ML tier's own trainer on 800 generated tickets (seed 11), served
 * as version {@code test-model-1}. Tickets from the same generator are mostly confident; gibberish is not.
 *
 * <p>TF-IDF + LR only: the chain's tests are about tiers, not the model kind, and the combined model's training was
 * the slowest start-up step of the test JVM. It is trained in {@code ModelTrainerIT} and over HTTP in
 * {@code TrainingJobsIT}; {@code OneEncodingPerTicketIT} serves one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestModel {

    public static final String VERSION = "test-model-1";

    @Bean
    @Primary
    ModelTier testModelTier() {
        ModelBundle bundle = Trained.BUNDLE;
        return (text, ticketId) -> new ModelAnswer(VERSION, false, bundle.predict(text, VERSION));
    }

    /**
     * Trained once per test JVM (seeded, so every context would train the same model): most IT classes import this
     * configuration.
     */
    private static final class Trained {

        static final ModelBundle BUNDLE = ModelTrainer.train(new TrainingSet(new TicketGenerator(11).generate(800)
                .stream().map(TestModel::labelled).toList(), List.of("department", "urgency", "sentiment")),
                TrainingParams.defaults().tfidfOnly()).bundle();
    }

    static LabelledText labelled(SyntheticTicket ticket) {
        return new LabelledText(ticket.subject() + "\n" + ticket.description(), Map.of("department",
                ticket.department(), "urgency", ticket.urgency(), "sentiment", ticket.sentiment()));
    }
}
