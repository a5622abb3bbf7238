package io.triage.classify.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.ServiceHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client of the training API does: start a job (202 + {@code Location}), then poll the job resource until
 * it ends. Training is CPU-bound, so the wait is bounded by a generous ceiling, never by an HTTP timeout.
 */
public final class TrainingJobClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Far above any training in these tests, even on a loaded 2-core machine. */
    public static final Duration CEILING = Duration.ofMinutes(5);

    private final ServiceHttp http;

    public TrainingJobClient(ServiceHttp http) {
        this.http = http;
    }

    /** {@code POST path} with a CSV body, as sent (202, or the refusal). */
    public HttpResponse<String> startTraining(String path, String csv) {
        return http.send(http.request(path, ApiKeys.ANALYST).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** Trains from {@code csv} and returns the ended job. */
    public JsonNode train(String csv) {
        return awaitEnd(startTraining("/models/train", csv));
    }

    /** Retrains from the configured retraining data and returns the ended job. */
    public JsonNode retrain() {
        return awaitEnd(http.post("/models/retrain", ApiKeys.ANALYST, ""));
    }

    /** Checks the 202 and its {@code Location}, then polls the job until it is SUCCEEDED or FAILED. */
    public JsonNode awaitEnd(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/models/jobs/" + JSON.readTree(accepted.body()).get("id").asString());
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(CEILING).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> polled = http.get(location, ApiKeys.ANALYST);
            assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
            job.set(JSON.readTree(polled.body()));
            String state = job.get().get("state").asString();
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        return job.get();
    }

    /** The summary of a job that must have succeeded. */
    public static JsonNode result(JsonNode job) {
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job.get("result");
    }

    /** The problem of a job that must have failed with {@code status}. */
    public static JsonNode error(JsonNode job, int status) {
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.get("error").get("status").asInt()).as(job.toString()).isEqualTo(status);
        return job.get("error");
    }
}
