package io.triage.testsupport.boot;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets tests start several Spring Boot applications in parallel in one JVM: their logging systems are initialised
 * one after the other.
 * <p>
 * Every application of a JVM shares Logback's single {@code LoggerContext}; {@link LoggingApplicationListener}
 * writes its properties into it while it initialises, and two initialisations at once fail with a
 * {@link java.util.ConcurrentModificationException} from {@code ContextBase.getCopyOfPropertyMap}. {@link Acquire}
 * takes a JVM-wide lock before the logging listener sees {@link ApplicationStartingEvent}, {@link Release} gives it
 * back once the listener has initialised logging on {@link ApplicationEnvironmentPreparedEvent} (or the start
 * failed). The rest of the start-up, where the time goes, still runs in parallel. Registered for every test JVM in
 * {@code META-INF/spring.factories}.
 */
public final class SerialLoggingInitialization {

    static final ReentrantLock LOCK = new ReentrantLock();

    private SerialLoggingInitialization() {
    }

    /** Before Spring Boot's logging listener: waits for any other application's logging initialisation. */
    public static final class Acquire implements SmartApplicationListener {

        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
            return ApplicationStartingEvent.class.isAssignableFrom(eventType);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (!LOCK.isHeldByCurrentThread()) {
                LOCK.lock();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** After Spring Boot's logging listener has initialised logging, or when the start failed before it did. */
    public static final class Release implements SmartApplicationListener {

        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
            return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                    || ApplicationFailedEvent.class.isAssignableFrom(eventType);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            while (LOCK.isHeldByCurrentThread()) {
                LOCK.unlock();
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 10;
        }
    }
}
