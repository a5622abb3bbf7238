package io.triage.classify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.triage.classify.lifecycle.ModelProperties.Source;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RetrainingSourceTests {

    static ModelProperties.Retraining retraining(@Nullable Source source, @Nullable Path dataFile) {
        return new ModelProperties.Retraining("0 0 2 * * SUN", Duration.ofDays(90), source, dataFile, 1000);
    }

    @Test
    void validatedTicketsFromIngestionByDefault() {
        assertThat(retraining(null, null).effectiveSource()).isEqualTo(Source.INGESTION);
    }

    @Test
    void aConfiguredDataFileIsUsedWhenNoSourceIsNamed() {
        assertThat(retraining(null, Path.of("history.csv")).effectiveSource()).isEqualTo(Source.FILE);
    }

    @Test
    void aNamedSourceWinsOverTheDataFile() {
        assertThat(retraining(Source.INGESTION, Path.of("history.csv")).effectiveSource())
                .isEqualTo(Source.INGESTION);
        assertThat(retraining(Source.FILE, null).effectiveSource()).isEqualTo(Source.FILE);
    }
}
