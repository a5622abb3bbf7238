package io.triage.classify.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import io.triage.classify.tier.SanitisedTicket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ExperimentAssignmentTests {

    private static ExperimentAssignment assignment(String directMl, String zeroShot) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("triage.classify.tiers.experiments.direct-ml-share", directMl);
        source.put("triage.classify.tiers.experiments.zero-shot-share", zeroShot);
        return new ExperimentAssignment(new Binder(source).bindOrCreate("triage.classify.tiers.experiments",
                ExperimentProperties.class));
    }

    private static SanitisedTicket ticket(String id) {
        return new SanitisedTicket(id, "s", "d", "email", null, "api");
    }

    @Test
    void experimentsAreOffByDefault() {
        assertThat(assignment("0", "0").arms(ticket("T-1"))).isEmpty();
    }

    @Test
    void theSameTicketAlwaysLandsInTheSameArm() {
        ExperimentAssignment a = assignment("0.5", "0.5");
        assertThat(a.arms(ticket("T-77"))).isEqualTo(a.arms(ticket("T-77")))
                .isEqualTo(assignment("0.5", "0.5").arms(ticket("T-77")));
    }

    @Test
    void theShareOfTicketsInTheSecondArmFollowsTheSetting() {
        ExperimentAssignment a = assignment("0.2", "0.5");
        long directMl = IntStream.range(0, 4000).mapToObj(i -> a.arms(ticket("T-" + i)))
                .filter(arms -> ExperimentAssignment.DIRECT_ML.equals(arms.get(ExperimentAssignment.RULES_VS_ML)))
                .count();
        long zeroShot = IntStream.range(0, 4000).mapToObj(i -> a.arms(ticket("T-" + i)))
                .filter(arms -> ExperimentAssignment.ZERO_SHOT.equals(arms.get(ExperimentAssignment.RAG_VS_ZERO_SHOT)))
                .count();
        assertThat(directMl).isBetween(700L, 900L);
        assertThat(zeroShot).isBetween(1850L, 2150L);
    }

    @Test
    void bucketsAreIndependentAcrossExperiments() {
        long both = IntStream.range(0, 4000)
                .filter(i -> ExperimentAssignment.bucket("a", "T-" + i) < 0.5
                        && ExperimentAssignment.bucket("b", "T-" + i) < 0.5)
                .count();
        assertThat(both).isBetween(850L, 1150L);
    }
}
