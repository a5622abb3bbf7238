package io.triage.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.triage.platform.problem.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queueing of {@link GroupCommit}, with a writer that records the groups it is given instead of a database. */
class GroupCommitTests {

    final List<List<AppendRequest>> groups = new CopyOnWriteArrayList<>();
    final CountDownLatch firstGroupStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirstGroup = new CountDownLatch(1);
    final ExecutorService callers = Executors.newFixedThreadPool(8);
    GroupCommit commit;

    @AfterEach
    void stop() throws InterruptedException {
        releaseFirstGroup.countDown();
        callers.shutdownNow();
        if (commit != null) {
            commit.close();
        }
    }

    /** Answers each event as appended; the first group waits until the test releases it. */
    List<List<Appended>> record(List<AppendRequest> group) {
        groups.add(group);
        if (groups.size() == 1) {
            firstGroupStarted.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> releaseFirstGroup.getCount() == 0);
        }
        return group.stream().map(request -> request.events().stream().map(GroupCommitTests::stored).toList())
                .toList();
    }

    static Appended stored(NewAuditEvent e) {
        return new Appended(new AuditEvent(1, e.eventId(), Instant.EPOCH, e.decidedAt(), "ref", null, e.ticketId(),
                null, null, null, e.modelVersion(), null, e.routingMethod(), e.prediction(), e.confidence(), null,
                null, null, Map.of(), null, "00", "00"), false);
    }

    static AppendRequest request(int events, String principal) {
        return new AppendRequest(IntStream.range(0, events).mapToObj(i -> new NewAuditEvent(UUID.randomUUID(),
                "T-" + i, null, "m-1", null, RoutingMethod.ML, new Prediction("billing", "high", "negative"),
                BigDecimal.ONE, Instant.EPOCH, null, null, null, null, null)).toList(), principal);
    }

    Future<List<Appended>> appendLater(AppendRequest request) {
        return callers.submit(() -> commit.append(request));
    }

    /** Starts a first request and waits until the writer holds it, so that later ones queue up behind it. */
    void occupyTheWriter() throws InterruptedException {
        appendLater(request(1, "first"));
        assertThat(firstGroupStarted.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void requestsQueuedWhileTheWriterIsBusyAreWrittenAsOneGroupAndEachGetsItsOwnAnswer() throws Exception {
        commit = new GroupCommit(1000, this::record);
        occupyTheWriter();
        List<AppendRequest> waiting = List.of(request(1, "a"), request(3, "b"), request(2, "c"));
        List<Future<List<Appended>>> answers = waiting.stream().map(this::appendLater).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> commit.queuedEvents() == 6);
        releaseFirstGroup.countDown();
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).extracting(a -> a.event().eventId())
                    .containsExactlyElementsOf(waiting.get(i).events().stream().map(NewAuditEvent::eventId).toList());
        }
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(commit.queuedEvents()).isZero();
    }

    @Test
    void aGroupNeverHoldsMoreEventsThanTheCapButALargerRequestIsWrittenAlone() throws Exception {
        commit = new GroupCommit(4, this::record);
        occupyTheWriter();
        List<Future<List<Appended>>> answers = List.of(request(3, "a"), request(3, "b"), request(6, "big"),
                request(1, "c")).stream().map(this::appendLater).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> commit.queuedEvents() == 13);
        releaseFirstGroup.countDown();
        for (Future<List<Appended>> answer : answers) {
            answer.get(30, TimeUnit.SECONDS);
        }
        assertThat(groups.subList(1, groups.size())).allSatisfy(group -> assertThat(
                group.stream().mapToInt(r -> r.events().size()).sum()).satisfiesAnyOf(
                        events -> assertThat(events).isLessThanOrEqualTo(4),
                        events -> assertThat(group).hasSize(1)));
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(5);
    }

    @Test
    void aFailedGroupFailsEveryCallerInIt() throws Exception {
        IllegalStateException failure = new IllegalStateException("commit failed");
        commit = new GroupCommit(1000, group -> {
            groups.add(group);
            throw failure;
        });
        List<Future<List<Appended>>> answers = IntStream.range(0, 5).mapToObj(i -> appendLater(request(2, "p" + i)))
                .toList();
        for (Future<List<Appended>> answer : answers) {
            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).hasCause(failure);
        }
    }

    @Test
    void aConflictInAGroupIsRetriedPerRequestSoOnlyItsCauseFails() throws Exception {
        AppendRequest offending = request(1, "offending");
        commit = new GroupCommit(1000, group -> {
            if (group.contains(offending)) {
                throw new ConflictException("recorded in an archived month");
            }
            return record(group);
        });
        releaseFirstGroup.countDown();
        List<AppendRequest> others = List.of(request(2, "a"), request(1, "b"));
        Future<List<Appended>> conflict = appendLater(offending);
        List<Future<List<Appended>>> answers = others.stream().map(this::appendLater).toList();
        assertThatThrownBy(() -> conflict.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class);
        for (Future<List<Appended>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).hasSize(answers.indexOf(answer) == 0 ? 2 : 1);
        }
    }

    @Test
    void closingStillWritesWhatWasQueuedButRefusesNewRequests() throws Exception {
        commit = new GroupCommit(1000, this::record);
        occupyTheWriter();
        Future<List<Appended>> queued = appendLater(request(1, "late"));
        await().atMost(Duration.ofSeconds(30)).until(() -> commit.queuedEvents() == 1);
        Future<?> closing = callers.submit(() -> {
            commit.close();
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThatThrownBy(() -> commit.append(request(1, "after"))).isInstanceOf(IllegalStateException.class));
        releaseFirstGroup.countDown();
        closing.get(30, TimeUnit.SECONDS);
        assertThat(queued.get(30, TimeUnit.SECONDS)).hasSize(1);
        assertThat(groups).hasSize(2);
    }
}
