package io.triage.pii.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.ReplacementMode;
import io.triage.pii.SanitizerSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PiiSanitizerAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PiiSanitizerAutoConfiguration.class));

    @Test
    void servicesGetASanitizerThatGivesTheSeedOutput() {
        runner.run(context -> assertThat(context.getBean(PiiSanitizer.class)
                .sanitize("My account abc123 was charged $50 to john.doe@example.com").text())
                .isEqualTo("my account <ACCOUNT_ID> was charged $50 to <EMAIL>"));
    }

    @Test
    void propertiesSelectModeAndExtraAccountPatterns() {
        runner.withPropertyValues("triage.pii.mode=NUMBERED", "triage.pii.ner-enabled=false",
                        "triage.pii.extra-account-patterns[0]=\\bTKT\\d{6}\\b")
                .run(context -> assertThat(context.getBean(PiiSanitizer.class)
                        .sanitize("Ticket TKT123456 from a@b.com and c@d.com, again a@b.com").text())
                        .isEqualTo("ticket <ACCOUNT_ID_1> from <EMAIL_1> and <EMAIL_2>, again <EMAIL_1>"));
    }

    @Test
    void serviceOwnSanitizerWins() {
        PiiSanitizer own = SanitizerSettings.defaults().withNamedEntities(false, false).build();
        runner.withBean(PiiSanitizer.class, () -> own)
                .run(context -> assertThat(context.getBean(PiiSanitizer.class)).isSameAs(own));
    }

    @Test
    void pseudonymModeWithoutKeyInEnvironmentFailsAtStartUp() {
        runner.withPropertyValues("triage.pii.mode=PSEUDONYM",
                        "triage.pii.pseudonym-key-env=TRIAGE_PII_KEY_THAT_IS_NOT_SET_IN_TESTS")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void pseudonymKeyIsReadFromTheNamedEnvironmentVariable() {
        PiiProperties properties = new PiiProperties(ReplacementMode.PSEUDONYM, "PII_KEY", List.of(), List.of("US"),
                null, false, false);
        Map<String, String> environment = Map.of("PII_KEY", "a-secret-of-at-least-16-chars");

        String text = properties.toSettings(environment::get).build().sanitize("mail a@b.com").text();

        assertThat(text).matches("mail <EMAIL_[0-9a-f]{12}>");
    }
}
