package io.triage.pii.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pooled name finders: concurrent callers get the same findings as one caller, and finders are reused. */
class OpenNlpNameDetectorPoolTests {

    private static final List<String> TEXTS = List.of(
            "Hi, this is Grace Hopper from Acme Logistics in Leeds. My parcel never arrived.",
            "Please call Oliver Smith back about the refund.\nThanks, Priya Patel",
            "The app crashes when I open settings. Regards, Jean-Luc Picard",
            "Invoice 4432 was charged twice. Kind regards, Maria Garcia, Madrid");

    @Test
    void concurrentDetectionMatchesSequentialAndReusesFinders() throws Exception {
        OpenNlpNameDetector detector = OpenNlpNameDetector.shipped(Set.of());
        List<List<Finding>> expected = new ArrayList<>();
        for (String text : TEXTS) {
            expected.add(detector.detect(text));
        }
        assertThat(expected).anySatisfy(findings -> assertThat(findings).isNotEmpty());
        assertThat(detector.pooledFinders()).isOne();

        int threads = 4;
        List<Future<List<Finding>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < 400; i++) {
                String text = TEXTS.get(i % TEXTS.size());
                results.add(pool.submit(() -> detector.detect(text)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % TEXTS.size()));
            }
        }
        // One finder per concurrent caller at most, not one per call (nor per thread of a virtual-thread server).
        assertThat(detector.pooledFinders()).isBetween(1, threads);
    }
}
