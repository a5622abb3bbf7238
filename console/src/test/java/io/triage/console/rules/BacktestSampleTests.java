package io.triage.console.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.session.AccessTokens;
import io.triage.console.session.UserCredentials;
import io.triage.console.upstream.Upstream;
import io.triage.console.upstream.ValidatedTickets;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backtest sample is the newest validated tickets, read from a stand-in of ingestion-service that pages
 * {@code GET /tickets/validated} as the real one does: since a time, oldest first, {@code limit} per page and a
 * {@code next} cursor.
 */
class BacktestSampleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.now();
    private static final Authentication ANALYST = UsernamePasswordAuthenticationToken.authenticated("analyst",
            new UserCredentials(ApiKeys.ANALYST), AuthorityUtils.createAuthorityList("ROLE_ANALYST"));

    private final StubServer ingestion = new StubServer();

    @AfterEach
    void stop() {
        ingestion.close();
    }

    private record Label(String id, Instant validatedAt) {
    }

    @Test
    void aBusyDeskGetsItsNewestLabelsNotTheFirstOnesOfTheWindow() {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 1_300; i++) {
            labels.add(new Label("t-%05d".formatted(i), NOW.minus(Duration.ofDays(25)).plusSeconds(i)));
        }
        for (int i = 0; i < 1_200; i++) { // the last day: more than two pages of 500
            labels.add(new Label("n-%05d".formatted(i), NOW.minus(Duration.ofHours(20)).plusSeconds(i * 10L)));
        }
        serve(labels);

        List<BacktestSample.Sample> sample = sample(200).recent(ANALYST);

        assertThat(sample).extracting(BacktestSample.Sample::id)
                .containsExactlyElementsOf(newest(labels, 200));
        assertThat(ingestion.received("/tickets/validated")).allSatisfy(request -> {
            assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ANALYST);
            assertThat(Instant.parse(request.query("since"))).isAfter(NOW.minus(Duration.ofDays(2)));
        });
        assertThat(ingestion.received("/tickets/validated")).as("three pages of the last day, nothing older")
                .hasSize(3);
    }

    @Test
    void aQuietDeskWidensTheSpanUntilItHasEnoughOrReachesTheWindow() {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            labels.add(new Label("day-%02d".formatted(i), NOW.minus(Duration.ofHours(5)).plusSeconds(i)));
            labels.add(new Label("week-%02d".formatted(i), NOW.minus(Duration.ofDays(4)).plusSeconds(i)));
            labels.add(new Label("month-%02d".formatted(i), NOW.minus(Duration.ofDays(20)).plusSeconds(i)));
            labels.add(new Label("gone-%02d".formatted(i), NOW.minus(Duration.ofDays(40)).plusSeconds(i)));
        }
        serve(labels);

        assertThat(sample(30).recent(ANALYST)).extracting(BacktestSample.Sample::id)
                .as("the last day has 20, the last week 40: its newest 30")
                .containsExactlyElementsOf(newest(labels.stream().filter(l -> !l.id().startsWith("month")
                        && !l.id().startsWith("gone")).toList(), 30));
        assertThat(sample(200).recent(ANALYST)).extracting(BacktestSample.Sample::id)
                .as("everything in the 30-day window, nothing older")
                .hasSize(60).noneMatch(id -> id.startsWith("gone"));
    }

    @Test
    void withoutAnAnswerFromIngestionThereIsNoSample() {
        ingestion.onAny("/tickets/validated", request -> StubReply.json(503,
                "{\"title\":\"Service Unavailable\",\"status\":503}"));
        assertThat(sample(200).recent(ANALYST)).isEmpty();
    }

    private BacktestSample sample(int tickets) {
        ConsoleProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "triage.console.ingestion-service", ingestion.baseUrl(),
                "triage.console.backtest-tickets", String.valueOf(tickets))))
                .bindOrCreate("triage.console", ConsoleProperties.class);
        return new BacktestSample(new ValidatedTickets(new Upstream(RestClient.builder(),
                new StaticListableBeanFactory().getBeanProvider(AccessTokens.class)), properties, JSON), properties);
    }

    private static List<String> newest(List<Label> labels, int count) {
        List<Label> sorted = labels.stream().sorted(ORDER).toList();
        return sorted.subList(Math.max(0, sorted.size() - count), sorted.size()).stream().map(Label::id).toList();
    }

    private static final Comparator<Label> ORDER = Comparator.comparing(Label::validatedAt)
            .thenComparing(Label::id);

    /** ingestion-service's paging: validated at or after {@code since}, ordered, {@code limit} at a time. */
    private void serve(List<Label> labels) {
        List<Label> ordered = labels.stream().sorted(ORDER).toList();
        ingestion.onAny("/tickets/validated", (StubRequest request) -> {
            Instant since = Instant.parse(request.query("since"));
            int limit = Integer.parseInt(request.query("limit"));
            String after = request.query("after");
            List<Label> page = ordered.stream().filter(l -> !l.validatedAt().isBefore(since))
                    .filter(l -> after == null || cursor(l).compareTo(after) > 0).limit(limit + 1L).toList();
            ObjectNode body = JSON.createObjectNode();
            ArrayNode items = body.putArray("items");
            page.stream().limit(limit).forEach(l -> items.addObject().put("id", l.id()).put("customerId", "C")
                    .put("text", "sanitised text of " + l.id()).put("department", "Billing")
                    .put("validatedAt", l.validatedAt().truncatedTo(ChronoUnit.MICROS).toString()));
            if (page.size() > limit) {
                body.put("next", cursor(page.get(limit - 1)));
            } else {
                body.putNull("next");
            }
            return StubReply.json(body.toString());
        });
    }

    /** An opaque cursor that sorts as the labels do (the real one is also opaque to the console). */
    private static String cursor(Label label) {
        return "%020d|%s".formatted(label.validatedAt().toEpochMilli() * 1000 + label.validatedAt().getNano() / 1000 % 1000,
                label.id());
    }
}
