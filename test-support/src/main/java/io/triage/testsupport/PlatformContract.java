package io.triage.testsupport;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The behaviour every service shares (security, ProblemDetail errors, health, metrics), as a JUnit contract:
 * a service's integration test implements this interface and inherits the tests.
 */
public interface PlatformContract {

    /** The running service under test. */
    ServiceHttp http();

    /** A POST endpoint of this service that reads a JSON body and needs only the {@link #jsonEndpointKey()}. */
    String jsonEndpoint();

    /** An API key allowed to call {@link #jsonEndpoint()}. */
    default String jsonEndpointKey() {
        return ApiKeys.ADMIN;
    }

    @Test
    default void healthNeedsNoCredentials() {
        HttpResponse<String> liveness = http().get("/actuator/health/liveness", null);
        HttpResponse<String> readiness = http().get("/actuator/health/readiness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(liveness)).extractingPath("$.status").isEqualTo("UP");
    }

    @Test
    default void missingCredentialsAre401ProblemDetail() {
        HttpResponse<String> response = http().post(jsonEndpoint(), null, "{}");
        assertProblem(response, 401);
    }

    @Test
    default void unknownApiKeyIs401() {
        assertProblem(http().get("/metrics", "not-a-key"), 401);
    }

    @Test
    default void wrongRoleIs403ProblemDetail() {
        assertProblem(http().get("/metrics", ApiKeys.CLASSIFIER), 403);
    }

    @Test
    default void malformedJsonIs400ProblemDetail() {
        HttpResponse<String> response = http().post(jsonEndpoint(), jsonEndpointKey(), "{\"broken\": ");
        assertProblem(response, 400);
        assertThat(response.body()).contains("Malformed JSON");
    }

    /** Spring MVC reading a body of type *{@code /*} failed with 500 (fuzz pass, issue 19). */
    @Test
    default void wildcardContentTypeIs415ProblemDetail() {
        for (String wildcard : List.of("*/*", "application/*")) {
            HttpResponse<String> response = http().send(http().request(jsonEndpoint(), jsonEndpointKey())
                    .header("Content-Type", wildcard).POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertProblem(response, 415);
        }
    }

    /** A multipart body without its boundary failed with 500 (fuzz pass, issue 19). */
    @Test
    default void multipartBodyWithoutBoundaryIs400ProblemDetail() {
        HttpResponse<String> response = http().send(http().request(jsonEndpoint(), jsonEndpointKey())
                .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(response, 400);
    }

    @Test
    default void unknownRouteIs404ProblemDetail() {
        assertProblem(http().get("/no/such/route", ApiKeys.ADMIN), 404);
    }

    @Test
    default void oversizedBodyIs413ProblemDetail() {
        String huge = "{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(http().post(jsonEndpoint(), jsonEndpointKey(), huge), 413);
    }

    @Test
    default void prometheusMetricsNeedTheOpsRole() {
        HttpResponse<String> metrics = http().get("/metrics", ApiKeys.OPS);
        HttpResponse<String> actuator = http().get("/actuator/prometheus", ApiKeys.OPS);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(actuator.statusCode()).isEqualTo(200);
        assertProblem(http().get("/actuator/prometheus", null), 401);
    }

    @Test
    default void openApiDescribesTheService() {
        HttpResponse<String> docs = http().get("/v3/api-docs", ApiKeys.OPS);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs)).extractingPath("$.openapi").asString().isNotBlank();
    }

    @Test
    default void problemDetailsCarryTheTraceId() {
        HttpRequest.Builder request = http().request("/no/such/route", ApiKeys.ADMIN).GET();
        HttpResponse<String> response = http().send(request);
        assertThat(json(response)).extractingPath("$.traceId").asString().matches("[0-9a-f]{32}");
    }

    /** Asserts status, the ProblemDetail media type and body, and that no Java internals leak. */
    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response)).extractingPath("$.status").isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at org.");
    }

    /**
     * Asserts that a problem names this field: as its {@code field} property, or as the {@code field} of one of its
     * {@code errors} (bean validation).
     */
    static void assertNamesField(HttpResponse<String> response, String field) {
        assertThat(json(response)).extractingPath("$..field").asArray().as(response.body()).contains(field);
    }
}
