package io.triage.testsupport.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.boot.context.logging.LoggingApplicationListener;

class SerialLoggingInitializationTests {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    /** Holds the first application right after its logging initialisation, before the lock is given back. */
    static final class Hold implements SmartApplicationListener {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);

        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
            return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            reached.countDown();
            try {
                go.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 5; // after logging, before Release
        }
    }

    @Test
    void aSecondApplicationWaitsUntilTheFirstHasInitialisedItsLogging() throws Exception {
        Hold hold = new Hold();
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> start(hold));
        assertThat(hold.reached.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(SerialLoggingInitialization.LOCK.isLocked()).isTrue();

        Thread[] secondThread = new Thread[1];
        CompletableFuture<ConfigurableApplicationContext> second = new CompletableFuture<>();
        secondThread[0] = Thread.ofPlatform().start(() -> second.complete(start(null)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SerialLoggingInitialization.LOCK.hasQueuedThread(secondThread[0]));
        assertThat(second).isNotDone();

        hold.go.countDown();
        try (ConfigurableApplicationContext a = first.get(30, TimeUnit.SECONDS);
                ConfigurableApplicationContext b = second.get(30, TimeUnit.SECONDS)) {
            assertThat(a.isActive()).isTrue();
            assertThat(b.isActive()).isTrue();
        }
        assertThat(SerialLoggingInitialization.LOCK.isLocked()).isFalse();
    }

    @Test
    void aStartThatFailsBeforeLoggingIsInitialisedGivesTheLockBack() {
        SmartApplicationListener failBeforeLogging = new SmartApplicationListener() {
            @Override
            public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
                return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType);
            }

            @Override
            public void onApplicationEvent(ApplicationEvent event) {
                throw new IllegalStateException("start-up failure");
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        };
        assertThatThrownBy(() -> start(failBeforeLogging)).hasMessage("start-up failure");
        assertThat(SerialLoggingInitialization.LOCK.isLocked()).isFalse();
    }

    private static ConfigurableApplicationContext start(SmartApplicationListener extra) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        if (extra != null) {
            application.addListeners(extra);
        }
        return application.run();
    }
}
