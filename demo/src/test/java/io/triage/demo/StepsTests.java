package io.triage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StepsTests {

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final Steps steps = new Steps(new PrintStream(printed, true, StandardCharsets.UTF_8));

    String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void allStepsPassingExitsZeroAndListsEveryStep() {
        steps.run("first", () -> "one");
        steps.run("second", () -> "two");

        assertThat(steps.summarise()).isZero();
        assertThat(output()).contains("ok     first", "ok     second", "demo: all 2 steps passed");
    }

    @Test
    void aFailedCheckExitsOneAndNamesTheFirstFailedStepInOneLine() {
        steps.run("first", () -> "one");
        steps.run("training", () -> {
            StepFailed.check(false, "job FAILED: unusable data");
            return "never";
        });
        steps.run("third", () -> "three");

        assertThat(steps.summarise()).isEqualTo(1);
        assertThat(output()).contains("FAILED training", "ok     third")
                .contains("demo: FAILED at step 'training': job FAILED: unusable data");
    }

    @Test
    void anUnexpectedExceptionFailsTheStepWithItsMessage() {
        steps.run("connect", () -> {
            throw new java.net.ConnectException("Connection refused");
        });

        assertThat(steps.passed("connect")).isFalse();
        assertThat(steps.summarise()).isEqualTo(1);
        assertThat(output()).contains("demo: FAILED at step 'connect': ConnectException: Connection refused");
    }

    @Test
    void aSkippedStepCountsAsFailed() {
        steps.skip("classify", "no model was trained");

        assertThat(steps.summarise()).isEqualTo(1);
        assertThat(output()).contains("not run: no model was trained");
    }
}
