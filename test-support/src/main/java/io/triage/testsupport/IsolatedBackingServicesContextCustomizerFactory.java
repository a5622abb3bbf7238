package io.triage.testsupport;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Wires {@link IsolatedBackingServices} into Spring's test context: the customizer is unique per test class (so the
 * context cache never hands one class's database to another) and creates the database when the context starts.
 */
public final class IsolatedBackingServicesContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean annotated = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
                .isPresent(IsolatedBackingServices.class);
        return annotated ? new Customizer(testClass) : null;
    }

    private record Customizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            BackingServices services = BackingServices.get();
            TestDatabase database = services.createDatabase();
            RedisEndpoint redis = services.redis();
            TestPropertyValues properties = TestPropertyValues.of(
                    "spring.datasource.url=" + database.jdbcUrl(),
                    "spring.flyway.user=" + database.adminUser(),
                    "spring.flyway.password=" + database.adminPassword(),
                    "spring.data.redis.host=" + redis.host(),
                    "spring.data.redis.port=" + redis.port(),
                    "triage.platform.redis-key-prefix=" + redis.keyPrefix(),
                    "triage.tests.database=" + database.name(),
                    // Spring caches one context per test class; idle pools must not exhaust max_connections.
                    "spring.datasource.hikari.maximum-pool-size=8",
                    "spring.datasource.hikari.minimum-idle=0",
                    "spring.datasource.hikari.idle-timeout=10000",
                    // Cached contexts close when the test JVM exits; a straggling request must not hold the exit
                    // for graceful shutdown's 30 s (Surefire kills a fork that outlives System.exit by 30 s).
                    "spring.lifecycle.timeout-per-shutdown-phase=2s");
            if (!services.trustAuthentication()) {
                properties = properties.and("spring.datasource.username=" + database.adminUser(),
                        "spring.datasource.password=" + database.adminPassword());
            }
            properties.applyTo(context);
        }
    }
}
