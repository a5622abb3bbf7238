package io.triage.rules.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.TicketText;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTests {

    private final RuleSetValidator validator = new RuleSetValidator(new RuleCompiler());

    private static final String PLANTED = """
            rules:
              - id: REFUND
                pattern: refund
                department: Billing
                urgency: Medium
              - id: REFUND_FRAUD
                pattern: "refund.*fraud"
                regex: true
                department: Security
                urgency: High
              - id: CHARGE
                pattern: "charge"
                department: Security
                urgency: High
            """;

    private static final List<LabelledTicket> SAMPLES = List.of(
            new LabelledTicket("t1", new TicketText("Refund please", "my refund for the fraud case", ""), "Billing"),
            new LabelledTicket("t2", new TicketText("", "refund for a duplicate charge", ""), "Billing"),
            new LabelledTicket("t3", new TicketText("", "strange charge on my card", ""), "Security"),
            new LabelledTicket("t4", new TicketText("", "what are your opening hours", ""), "General Enquiry"));

    @Test
    void findsPlantedShadowedRuleStructurallyAndOnTheSample() {
        ValidationReport report = validator.validate(PLANTED, SAMPLES);

        assertThat(report.valid()).isTrue();
        assertThat(report.shadowed()).anySatisfy(s -> {
            assertThat(s.ruleId()).isEqualTo("REFUND_FRAUD");
            assertThat(s.shadowedBy()).containsExactly("REFUND");
            assertThat(s.evidence()).isEqualTo("structural");
        });
    }

    @Test
    void findsPlantedConflictOnTheSample() {
        ValidationReport report = validator.validate(PLANTED, SAMPLES);

        assertThat(report.conflicts()).anySatisfy(c -> {
            assertThat(c.firstRuleId()).isEqualTo("REFUND");
            assertThat(c.secondRuleId()).isEqualTo("CHARGE");
            assertThat(c.tickets()).containsExactly("t2");
        });
    }

    @Test
    void backtestCountsHitsPrecisionShareAndAccuracy() {
        ValidationReport.Backtest backtest = validator.validate(PLANTED, SAMPLES).backtest();

        assertThat(backtest.tickets()).isEqualTo(4);
        assertThat(backtest.routed()).isEqualTo(3);
        assertThat(backtest.routedShare()).isEqualTo(0.75);
        assertThat(backtest.accuracy()).isEqualTo(1.0);
        assertThat(backtest.rules()).extracting(ValidationReport.RuleBacktest::hits).containsExactly(2, 0, 1);
    }

    @Test
    void unsupportedRegexIsAnErrorNamingTheRule() {
        ValidationReport report = validator.validate("""
                rules:
                  - id: ANCHORED
                    pattern: "^refund$"
                    regex: true
                    department: Billing
                    urgency: Low
                """, List.of());

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo("ANCHORED");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("anchors");
        });
    }
}
