package io.triage.classify.lifecycle.mlflow;

import java.time.Duration;

import io.triage.platform.SecretMasking;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * MLflow as the ML tier's tracking server and model registry ({@code triage.classify.models.mlflow.*}); unset
 * tracking URI means the {@code classify} schema is used instead. The credentials are read the way MLflow's own
 * clients read them ({@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD}; see application.yml), and only ever from the environment or a Secret.
 *
 * @param trackingUri     the tracking server, e.g. {@code http://mlflow:5000} ({@code MLFLOW_TRACKING_URI}); it must
 *                        serve artifacts ({@code mlflow server --serve-artifacts}, the default since MLflow 2.0)
 *                        or give runs an http(s) artifact root, since the Java client cannot write to S3/Azure/GCS
 *                        without the Python CLI
 * @param experiment      experiment the training runs are recorded in (created when missing)
 * @param registeredModel registered model whose versions are served (created when missing)
 * @param token           bearer token ({@code MLFLOW_TRACKING_TOKEN}); ignored when a username is set
 * @param username        basic-auth user ({@code MLFLOW_TRACKING_USERNAME}), e.g. for {@code mlflow server
 *                        --app-name basic-auth}
 * @param password        basic-auth password ({@code MLFLOW_TRACKING_PASSWORD})
 * @param insecureTls     skip TLS certificate verification ({@code MLFLOW_TRACKING_INSECURE_TLS}); for test servers
 *                        with self-signed certificates only
 * @param callTimeout     longest wait for one MLflow call (the Java client sets no timeout of its own); a call that
 *                        takes longer counts as MLflow being unreachable
 */
@ConfigurationProperties("triage.classify.models.mlflow")
public record MlflowProperties(
        @Nullable String trackingUri,
        @DefaultValue("ticket-triage") String experiment,
        @DefaultValue("ticket-classifier") String registeredModel,
        @Nullable String token,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("false") boolean insecureTls,
        @DefaultValue("30s") Duration callTimeout) {

    @Override
    public String toString() {
        return SecretMasking.toString(this, "token", "password");
    }

    /** Whether MLflow replaces the {@code classify} schema as tracking server and registry. */
    public boolean configured() {
        return StringUtils.hasText(trackingUri);
    }
}
