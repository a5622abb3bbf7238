package io.triage.simulators.zendesk;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.StreamSupport;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Http;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ZendeskExportTests {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private final SimClock clock = SimClock.at(NOW);
    private final String auth = BasicCredentials.header("agent@example.com/token", "sim-zendesk-token");
    /** The simulator this test started; null until {@link #start}. */
    private @Nullable ZendeskSimulator started;

    @AfterEach
    void stop() {
        if (started != null) {
            started.close();
        }
    }

    private void start(ZendeskSettings settings) {
        started = new ZendeskSimulator(settings, clock);
        started.start(0);
    }

    private ZendeskSimulator sim() {
        return Objects.requireNonNull(started, "a test calls start(settings) first");
    }

    private void seed(String subject, Instant updatedAt) {
        sim().createTicket(SimJson.object().put("subject", subject).put("updated_at", updatedAt.toString())
                .put("created_at", updatedAt.toString()));
    }

    private static List<String> subjects(JsonNode page) {
        return StreamSupport.stream(page.get("tickets").spliterator(), false).map(t -> t.get("subject").asString()).toList();
    }

    private HttpResponse<String> export(String query) {
        return Http.get(sim(), "/api/v2/incremental/tickets/cursor.json?" + query, auth);
    }

    @Test
    void cursorPagesRunInUpdateOrderUntilEndOfStream() {
        start(ZendeskSettings.defaults());
        seed("second", NOW.minusSeconds(600));
        seed("first", NOW.minusSeconds(900));
        seed("third", NOW.minusSeconds(300));

        JsonNode page1 = Http.json(export("start_time=" + NOW.minusSeconds(3600).getEpochSecond() + "&per_page=2"));
        JsonNode page2 = Http.json(export("cursor=" + page1.get("after_cursor").asString() + "&per_page=2"));

        assertThat(subjects(page1)).containsExactly("first", "second");
        assertThat(page1.get("end_of_stream").asBoolean()).isFalse();
        assertThat(page1.get("before_cursor").isNull()).isTrue();
        assertThat(page1.get("after_url").asString()).contains("cursor=" + page1.get("after_cursor").asString());
        assertThat(subjects(page2)).containsExactly("third");
        assertThat(page2.get("end_of_stream").asBoolean()).isTrue();
    }

    @Test
    void savedAfterCursorResumesWithTicketsUpdatedLater() {
        start(ZendeskSettings.defaults());
        seed("old", NOW.minusSeconds(900));
        JsonNode drained = Http.json(export("start_time=" + NOW.minusSeconds(3600).getEpochSecond()));
        clock.advance(Duration.ofMinutes(5));
        seed("new", NOW.plusSeconds(60));

        JsonNode resumed = Http.json(export("cursor=" + drained.get("after_cursor").asString()));

        assertThat(subjects(resumed)).containsExactly("new");
    }

    @Test
    void mostRecentMinuteIsLeftOut() {
        start(ZendeskSettings.defaults());
        seed("settled", NOW.minusSeconds(120));
        seed("too fresh", NOW.minusSeconds(30));

        JsonNode page = Http.json(export("start_time=" + NOW.minusSeconds(3600).getEpochSecond()));

        assertThat(subjects(page)).containsExactly("settled");
    }

    @Test
    void exportedTicketsCarryTagsPriorityGroupAndGeneratedTimestamp() {
        start(ZendeskSettings.defaults());
        sim().createTicket(SimJson.parse("""
                {"subject":"Printer on fire","priority":"high","status":"open","tags":["printer"],"group_id":98738,
                 "updated_at":"2024-05-01T09:30:41Z"}"""));

        JsonNode ticket = Http.json(export("start_time=" + NOW.minusSeconds(3600).getEpochSecond())).get("tickets").get(0);

        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("tags").get(0).asString()).isEqualTo("printer");
        assertThat(ticket.get("group_id").asLong()).isEqualTo(98738);
        assertThat(ticket.get("generated_timestamp").asLong()).isEqualTo(Instant.parse("2024-05-01T09:30:41Z").getEpochSecond());
    }

    @Test
    void exportBeyondItsPerMinuteLimitIs429WithRetryAfter() {
        start(ZendeskSettings.defaults().withExportRequestsPerMinute(2));
        String query = "start_time=" + NOW.minusSeconds(3600).getEpochSecond();
        export(query);
        clock.advance(Duration.ofSeconds(15));
        export(query);

        HttpResponse<String> limited = export(query);
        clock.advance(Duration.ofSeconds(46));
        HttpResponse<String> afterWaiting = export(query);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("45");
        assertThat(afterWaiting.statusCode()).isEqualTo(200);
    }

    @Test
    void startTimeWithinTheLastMinuteIsRejected() {
        start(ZendeskSettings.defaults());

        assertThat(export("start_time=" + NOW.minusSeconds(10).getEpochSecond()).statusCode()).isEqualTo(400);
    }

    @Test
    void wrongApiTokenIsUnauthorizedInZendeskErrorShape() {
        start(ZendeskSettings.defaults());

        HttpResponse<String> response = Http.get(sim(), "/api/v2/incremental/tickets/cursor.json?start_time=0",
                BasicCredentials.header("agent@example.com/token", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error").asString()).isEqualTo("Couldn't authenticate you");
    }

    @Test
    void everyAnswerReportsTheAccountRateLimit() {
        start(ZendeskSettings.defaults().withRequestsPerMinute(400));

        HttpResponse<String> response = export("start_time=" + NOW.minusSeconds(3600).getEpochSecond());

        assertThat(response.headers().firstValue("X-Rate-Limit")).hasValue("400");
        assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("399");
    }

    @Test
    void accountLimitSpentIs429WithRetryAfterOnAnyEndpoint() {
        start(ZendeskSettings.defaults().withRequestsPerMinute(1));
        Http.get(sim(), "/api/v2/tickets/1.json", auth);

        HttpResponse<String> limited = Http.get(sim(), "/api/v2/tickets/1.json", auth);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
    }

    @Test
    void zeroPerPageIsRejectedRatherThanPagingForever() {
        start(ZendeskSettings.defaults());

        assertThat(export("start_time=" + NOW.minusSeconds(3600).getEpochSecond() + "&per_page=0").statusCode()).isEqualTo(400);
    }
}
