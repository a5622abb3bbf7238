package io.triage.pii.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.Finding;
import io.triage.pii.PiiSanitizer;
import io.triage.pii.PiiType;
import io.triage.pii.SanitizerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Banking77 questions contain no personal data: the sanitiser may alter at most 1 % of them (issue 21). The
 * held-out test split the issue measured is not in shared/data; this runs on the train split.
 */
class OverRedactionTests {

    private static final Path DATA = Path.of(System.getProperty("triage.data.dir", "../shared/data"));

    @Test
    void atMostOnePercentOfBankingQuestionsAreAltered() {
        List<String> questions = questions();
        PiiSanitizer sanitizer = SanitizerSettings.defaults().build();

        long altered = questions.stream().filter(q -> !sanitizer.find(q).isEmpty()).count();

        System.out.printf("banking77 train: %d of %d questions altered%n", altered, questions.size());
        assertThat(questions).hasSizeGreaterThan(10_000);
        assertThat((double) altered / questions.size()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void fewBankingQuestionsGetAPersonPlaceholder() {
        List<String> questions = questions();
        PiiSanitizer sanitizer = SanitizerSettings.defaults().build();

        long withPerson = questions.stream()
                .filter(q -> sanitizer.find(q).stream().map(Finding::type).anyMatch(PiiType.PERSON::equals))
                .count();

        System.out.printf("banking77 train: %d questions with PERSON%n", withPerson);
        // Before issue 21: 277 findings in 5.6 % of the questions; the rest are unknown capitalised words such as
        // "Nandos" or "Rowlock" that read like names.
        assertThat(withPerson).isLessThanOrEqualTo(20);
    }

    private static List<String> questions() {
        Path file = DATA.resolve("banking77/train.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " absent, skipping");
        return BankingQuestions.read(file);
    }
}
