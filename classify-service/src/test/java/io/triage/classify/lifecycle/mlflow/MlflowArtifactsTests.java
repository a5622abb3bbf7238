package io.triage.classify.lifecycle.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import io.triage.platform.problem.UnavailableException;
import org.junit.jupiter.api.Test;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/** Where run artifacts are read and written, resolved as MLflow's Python client resolves them. */
class MlflowArtifactsTests {

    static MlflowArtifacts against(String trackingUri) {
        return new MlflowArtifacts(new BasicMlflowHostCreds(trackingUri), Duration.ofSeconds(1));
    }

    @Test
    void aProxiedRootResolvesUnderTheTrackingServersArtifactApi() {
        assertThat(against("http://mlflow:5000").resolve("mlflow-artifacts:/3/abc/artifacts", "model/model.bin"))
                .isEqualTo(URI.create("http://mlflow:5000/api/2.0/mlflow-artifacts/artifacts/3/abc/artifacts/model/"
                        + "model.bin"));
    }

    @Test
    void aTrackingServerBehindAPathPrefixKeepsThePrefix() {
        assertThat(against("https://tools.example.com/mlflow/").resolve("mlflow-artifacts:/3/abc/artifacts",
                "report.json")).isEqualTo(URI.create("https://tools.example.com/mlflow/api/2.0/mlflow-artifacts/"
                        + "artifacts/3/abc/artifacts/report.json"));
    }

    @Test
    void aProxiedRootNamingItsOwnHostIsServedByThatHost() {
        assertThat(against("http://mlflow:5000").resolve("mlflow-artifacts://artifacts:5500/3/abc/artifacts",
                "report.json")).isEqualTo(URI.create("http://artifacts:5500/api/2.0/mlflow-artifacts/artifacts/3/"
                        + "abc/artifacts/report.json"));
    }

    @Test
    void anHttpRootIsUsedAsItIs() {
        assertThat(against("http://mlflow:5000").resolve("https://store.example.com/runs/abc/artifacts/",
                "report.json")).isEqualTo(URI.create("https://store.example.com/runs/abc/artifacts/report.json"));
    }

    @Test
    void aRootOnlyThePythonCliCouldWriteIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> against("http://mlflow:5000").checkWritable("s3://bucket/3/abc/artifacts"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("s3://bucket/3/abc/artifacts").hasMessageContaining("--serve-artifacts");
    }

    @Test
    void credentialsBecomeTheHeaderMlflowsJavaClientSends() {
        assertThat(MlflowArtifacts.authorization(new BasicMlflowHostCreds("http://h", "u", "p", "t", false)))
                .isEqualTo("Basic dTpw");
        assertThat(MlflowArtifacts.authorization(new BasicMlflowHostCreds("http://h", null, null, "t", false)))
                .isEqualTo("Bearer t");
        assertThat(MlflowArtifacts.authorization(new BasicMlflowHostCreds("http://h"))).isNull();
    }
}
