package io.triage.testsupport.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StubServerTests {

    final StubServer server = new StubServer();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() {
        server.close();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .header("X-API-Key", "k1").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnAFreePort() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.baseUri().getPort()).isEqualTo(server.port());
    }

    @Test
    void routesByMethodAndPathPrefixAndAnswersJsonWithHeaders() throws Exception {
        server.on("GET", "/tickets", request -> StubReply.json("{\"at\":\"" + request.path() + "\"}")
                .withHeader("X-Cursor", "7"));
        server.on("POST", "/tickets", request -> StubReply.json(201, "{\"created\":true}"));

        HttpResponse<String> got = get("/tickets/clean?after=3");
        HttpResponse<String> posted = post("/tickets", "{}");

        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("{\"at\":\"/tickets/clean\"}");
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(got.headers().firstValue("X-Cursor")).hasValue("7");
        assertThat(posted.statusCode()).isEqualTo(201);
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnlyAndTheLongestWins() throws Exception {
        server.onAny("/", request -> StubReply.json("\"root\""));
        server.onAny("/v1", request -> StubReply.json("\"v1\""));
        server.onAny("/v1/embeddings", request -> StubReply.json("\"embeddings\""));

        assertThat(get("/v1/embeddings").body()).isEqualTo("\"embeddings\"");
        assertThat(get("/v1/models").body()).isEqualTo("\"v1\"");
        assertThat(get("/v1x").body()).isEqualTo("\"root\"");
    }

    @Test
    void theRouteAddedLastOverridesAnEqualOne() throws Exception {
        server.onAny("/x", request -> StubReply.json("1"));
        server.onAny("/x", request -> StubReply.json("2"));

        assertThat(get("/x").body()).isEqualTo("2");
    }

    @Test
    void unroutedRequestsAre404AndThrowingHandlersAre500() throws Exception {
        server.onAny("/boom", request -> {
            throw new IllegalStateException("broken fake");
        });

        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        HttpResponse<String> boom = get("/boom");
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).contains("broken fake");
    }

    @Test
    void everyRequestIsRecordedWithQueryHeadersAndBody() throws Exception {
        server.onAny("/", request -> StubReply.status(204));

        get("/feed?after=a%20b&limit=2&flag");
        post("/ingest", "{\"n\":1}");

        assertThat(server.received()).hasSize(2);
        StubRequest first = server.received().getFirst();
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.rawQuery()).isEqualTo("after=a%20b&limit=2&flag");
        assertThat(first.query("after")).isEqualTo("a b");
        assertThat(first.query("flag")).isEmpty();
        assertThat(first.query("missing")).isNull();
        StubRequest posted = server.received("/ingest").getFirst();
        assertThat(posted.bodyText()).isEqualTo("{\"n\":1}");
        assertThat(posted.header("x-api-key")).isEqualTo("k1");
        assertThat(server.received("/feed")).hasSize(1);

        server.clearReceived();
        assertThat(server.received()).isEmpty();
    }

    @Test
    void queuedFailuresAreServedOnceInOrderBeforeTheRoute() throws Exception {
        server.onAny("/", request -> StubReply.json("{\"ok\":true}"));
        server.failNext(StubFailure.reply(StubReply.json(429, "{}").withHeader("Retry-After", "0")));
        server.failNext(StubFailure.status(503));

        HttpResponse<String> first = get("/a");
        HttpResponse<String> second = get("/a");
        HttpResponse<String> third = get("/a");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("0");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aStandingFailureHitsItsPathUntilHealed() throws Exception {
        server.onAny("/", request -> StubReply.json("{}"));
        server.fail("/runs", StubFailure.status(500));

        assertThat(get("/runs/create").statusCode()).isEqualTo(500);
        assertThat(get("/runs/create").statusCode()).isEqualTo(500);
        assertThat(get("/experiments").statusCode()).isEqualTo(200);
        server.heal();
        assertThat(get("/runs/create").statusCode()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionGetsNoAnswer() {
        server.onAny("/", request -> StubReply.json("{}"));
        server.fail("/", StubFailure.drop());

        assertThatExceptionOfType(IOException.class).isThrownBy(() -> get("/x"));
    }

    @Test
    void delaysHoldTheAnswerBack() throws Exception {
        server.onAny("/", request -> StubReply.json("{}"));
        server.failNext(StubFailure.delay(Duration.ofMillis(300)));

        long started = System.nanoTime();
        assertThat(get("/slow").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        server.delay(Duration.ofMillis(200));
        started = System.nanoTime();
        get("/slow");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aStoppedServerRefusesConnectionsAndRestartsOnTheSamePortWithItsRoutes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.onAny("/", request -> StubReply.json("{\"n\":" + calls.incrementAndGet() + "}"));
        int port = server.port();

        server.stop();
        assertThat(server.running()).isFalse();
        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> get("/x"));

        server.start();
        assertThat(server.port()).isEqualTo(port);
        assertThat(get("/x").body()).isEqualTo("{\"n\":1}");
    }

    @Test
    void resetForgetsRequestsFailuresAndDelayButKeepsRoutes() throws Exception {
        server.onAny("/", request -> StubReply.json("{}"));
        get("/x");
        server.fail("/", StubFailure.status(500));
        server.delay(Duration.ofSeconds(30));

        server.reset();

        assertThat(server.received()).isEmpty();
        assertThat(get("/x").statusCode()).isEqualTo(200);
    }
}
