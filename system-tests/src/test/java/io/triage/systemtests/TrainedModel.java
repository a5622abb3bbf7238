package io.triage.systemtests;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * classify-service's ML tier with a real model, trained by classify's own trainer on generated tickets (seed 11)
 * before the service starts, as classify-service's own tests do; spares the test a training job and a registry.
 */
@Configuration(proxyBeanMethods = false)
public class TrainedModel {

    static final String VERSION = "system-test-model-1";

    @Bean
    @Primary
    ModelTier trainedModelTier() {
        ModelBundle bundle = train();
        return (text, ticketId) -> new ModelAnswer(VERSION, false, bundle.predict(text, VERSION));
    }

    /** The model trained on generated tickets (seed 11). */
    static ModelBundle train() {
        return ModelTrainer.train(new TrainingSet(new TicketGenerator(11).generate(400).stream()
                .map(TrainedModel::labelled).toList(), List.of("department", "urgency", "sentiment")),
                TrainingParams.defaults()).bundle();
    }

    private static LabelledText labelled(SyntheticTicket ticket) {
        return new LabelledText(ticket.subject() + "\n" + ticket.description(), Map.of("department",
                ticket.department(), "urgency", ticket.urgency(), "sentiment", ticket.sentiment()));
    }
}
