package io.triage.classify.config;

import io.triage.classify.lifecycle.JdbcModelStore;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.mlflow.MlflowModelStore;
import io.triage.classify.lifecycle.mlflow.MlflowProperties;
import io.triage.platform.PlatformProperties;
import io.triage.platform.client.ResilientCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the {@link ModelStore}: MLflow when {@code triage.classify.models.mlflow.tracking-uri}
 * ({@code MLFLOW_TRACKING_URI}) is set, else the {@code classify} schema. Exactly one exists, so the lifecycle,
 * serving and the API cannot mix the two.
 */
@Configuration(proxyBeanMethods = false)
class ModelStoreConfiguration {

    @Bean
    ModelStore modelStore(MlflowProperties mlflow, JdbcClient jdbc, ResilientCalls calls, PlatformProperties platform) {
        return mlflow.configured()
                ? MlflowModelStore.connect(mlflow, calls, platform.resilience().openStateWait())
                : new JdbcModelStore(jdbc);
    }
}
