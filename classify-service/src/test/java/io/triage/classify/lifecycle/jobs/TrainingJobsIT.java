package io.triage.classify.lifecycle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import io.triage.classify.cache.CacheCalibrations;
import io.triage.classify.testing.TicketCsv;
import io.triage.classify.testing.TrainingJobClient;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Training as a background job over real HTTP and Postgres, with the default models (sentence encoder on): 202 and a
 * job to poll, one job at a time, and no job left RUNNING by a process that stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
@TestPropertySource(properties = {"triage.classify.models.jobs.instance-id=" + TrainingJobsIT.INSTANCE,
        "triage.classify.models.poll-interval=1h"})
class TrainingJobsIT {

    static final String INSTANCE = "classify-it-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrainingJobs jobs;

    @Autowired
    CacheCalibrations calibrations;

    /** embedding-service's name for the cache's vectors. */
    static final String ENCODER = "all-minilm-l6-v2-q-384";

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @AfterEach
    void noJobLeftBehind() {
        jdbc.sql("UPDATE training_jobs SET state = 'FAILED' WHERE state IN ('QUEUED', 'RUNNING')").update();
    }

    /** A job row as another replica, or an earlier life of this one, would have left it. */
    UUID activeJob(String instance, String heartbeatAge) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO training_jobs (id, trigger, state, stage, done, total, instance, started_at, heartbeat_at)
                VALUES (:id, 'upload', 'RUNNING', 'encoding', 10, 300, :instance, now(),
                        now() - CAST(:age AS interval))
                """).param("id", id).param("instance", instance).param("age", heartbeatAge).update();
        return id;
    }

    long jobCount() {
        return jdbc.sql("SELECT count(*) FROM training_jobs").query(Long.class).single();
    }

    String state(UUID id) {
        return jdbc.sql("SELECT state FROM training_jobs WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void trainingIsAcceptedAtOnceAndTheJobEndsWithTheRegisteredVersion() {
        // What is asserted is the job's life, not the model: 150 tickets, as anAbandonedJobDoesNotBlockTheNextRequest.
        HttpResponse<String> accepted = new TrainingJobClient(http()).startTraining("/models/train",
                TicketCsv.of(3, 150));
        JsonNode first = TrainingJobClient.JSON.readTree(accepted.body());
        assertThat(first.get("state").asString()).isIn("QUEUED", "RUNNING");
        assertThat(first.get("trigger").asString()).isEqualTo("upload");

        JsonNode job = new TrainingJobClient(http()).awaitEnd(accepted);

        JsonNode result = TrainingJobClient.result(job);
        assertThat(job.get("stage").asString()).isEqualTo("done");
        assertThat(job.get("startedAt").isNull()).isFalse();
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(job.get("error").isNull()).isTrue();
        assertThat(result.get("stage").asString()).isEqualTo("STAGING");
        long version = result.get("version").asLong();
        assertThat(result.get("report").asString()).isEqualTo("/models/" + version + "/report");
        assertThat(http().get(result.get("report").asString(), ApiKeys.ANALYST).statusCode()).isEqualTo(200);
        assertThat(http().get("/models/jobs", ApiKeys.OPS).body()).contains(job.get("id").asString());
        assertThat(http().get("/metrics", ApiKeys.OPS).body())
                .containsPattern("classify_model_training_jobs_seconds_count\\{[^}]*outcome=\"succeeded\"");
    }

    @Test
    void aTrainedVersionCarriesTheCacheThresholdMeasuredOnItsValidationSplit() {
        JsonNode result = TrainingJobClient.result(new TrainingJobClient(http()).awaitEnd(
                new TrainingJobClient(http()).startTraining("/models/train", TicketCsv.of(4, 300))));
        String version = Long.toString(result.get("version").asLong());

        Map<String, Object> row = jdbc.sql("""
                SELECT encoder, target_precision, threshold, validation_pairs, curve::text AS curve
                FROM cache_calibrations WHERE model_version = :v""").param("v", version).query().singleRow();
        assertThat(row).containsEntry("encoder", ENCODER).containsEntry("target_precision", 0.999);
        assertThat((Integer) row.get("validation_pairs")).as("about 15 %% of 300, one per validation example")
                .isBetween(30, 60);
        JsonNode curve = TrainingJobClient.JSON.readTree((String) row.get("curve"));
        assertThat(curve.size()).isGreaterThanOrEqualTo(21);
        Double threshold = (Double) row.get("threshold");
        if (threshold == null) {
            assertThat(calibrations.threshold(version, ENCODER)).as("never reached: no similarity is enough")
                    .hasValue(Double.POSITIVE_INFINITY);
        } else {
            JsonNode at = curve.valueStream().filter(p -> p.get("similarity").asDouble() == threshold).findFirst()
                    .orElseThrow();
            assertThat(at.get("precision").asDouble()).isGreaterThanOrEqualTo(0.999);
            assertThat(calibrations.threshold(version, ENCODER)).as("what the cache tier reads").hasValue(threshold);
        }
        assertThat(calibrations.threshold(version, "bge-small-en-v1.5-q")).as("measured with another encoder")
                .isEmpty();
    }

    @Test
    void aSecondRequestWhileOneRunsIs409NamingTheRunningJob() {
        UUID running = activeJob("classify-it-2", "1 second");
        long jobsBefore = jobCount();

        HttpResponse<String> second = new TrainingJobClient(http()).startTraining("/models/train",
                TicketCsv.of(3, 100));
        HttpResponse<String> retrain = http().post("/models/retrain", ApiKeys.ANALYST, "");

        PlatformContract.assertProblem(second, 409);
        JsonNode conflict = JsonBody.tree(second);
        assertThat(conflict.path("runningJob").asString()).isEqualTo(running.toString());
        assertThat(conflict.path("location").asString()).isEqualTo("/models/jobs/" + running);
        PlatformContract.assertProblem(retrain, 409);
        assertThat(jobCount()).as("refused requests create no job").isEqualTo(jobsBefore);
    }

    @Test
    void aJobThisInstanceLeftRunningIsFailedWhenItStartsAgain() {
        UUID interrupted = activeJob(INSTANCE, "1 second");

        jobs.recoverAfterStart();

        assertThat(state(interrupted)).isEqualTo("FAILED");
        JsonNode job = TrainingJobClient.JSON.readTree(http().get("/models/jobs/" + interrupted, ApiKeys.ANALYST)
                .body());
        assertThat(TrainingJobClient.error(job, 500).get("title").asString()).isEqualTo("Training interrupted");
    }

    @Test
    void aJobWhoseReplicaStoppedHeartbeatingIsFailedByAnyReplica() {
        UUID stale = activeJob("classify-it-2", "10 minutes");

        jobs.failStaleJobs();

        assertThat(state(stale)).isEqualTo("FAILED");
    }

    @Test
    void aJobOfAnotherLiveReplicaIsLeftRunning() {
        UUID live = activeJob("classify-it-2", "1 second");

        jobs.recoverAfterStart();
        jobs.failStaleJobs();

        assertThat(state(live)).isEqualTo("RUNNING");
    }

    @Test
    void anAbandonedJobDoesNotBlockTheNextRequest() {
        activeJob("classify-it-2", "10 minutes");

        HttpResponse<String> accepted = new TrainingJobClient(http()).startTraining("/models/train",
                TicketCsv.of(4, 150));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        new TrainingJobClient(http()).awaitEnd(accepted);
    }

    @Test
    void unknownJobIs404() {
        PlatformContract.assertProblem(http().get("/models/jobs/" + UUID.randomUUID(), ApiKeys.ANALYST), 404);
    }

    @Test
    void malformedJobIdIs400() {
        PlatformContract.assertProblem(http().get("/models/jobs/not-a-uuid", ApiKeys.ANALYST), 400);
    }

    @Test
    void jobsNeedTheAnalystOrOpsRole() {
        PlatformContract.assertProblem(http().get("/models/jobs", ApiKeys.CLASSIFIER), 403);
    }

    @Test
    void anOutOfRangeListLimitIs400NamingIt() {
        HttpResponse<String> response = http().get("/models/jobs?limit=0", ApiKeys.OPS);
        PlatformContract.assertProblem(response, 400);
        assertThat(JsonBody.tree(response).path("field").asString()).isEqualTo("limit");
    }
}
