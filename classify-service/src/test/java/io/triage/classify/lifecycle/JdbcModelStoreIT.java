package io.triage.classify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.testsupport.IsolatedBackingServices;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The model store contract on the {@code classify} schema of a real Postgres (the default, no MLflow set). */
@SpringBootTest(properties = "triage.classify.models.poll-interval=1h")
@IsolatedBackingServices
class JdbcModelStoreIT implements ModelStoreContract {

    @Autowired
    ModelStore store;

    @Autowired
    JdbcClient jdbc;

    @Override
    public ModelStore store() {
        return store;
    }

    @Override
    public void forgetEverything() {
        // The service's role may change rows but not truncate; version numbers keep counting up, as in production.
        jdbc.sql("DELETE FROM model_versions").update();
        jdbc.sql("DELETE FROM training_runs").update();
    }

    @Test
    void withoutAnMlflowTrackingUriTheClassifySchemaIsTheStoreWithTransactionalStageChanges() {
        assertThat(store).isInstanceOf(JdbcModelStore.class);
        assertThat(AopUtils.isAopProxy(store)).as("@Transactional applies to the @Bean-created store").isTrue();
    }
}
