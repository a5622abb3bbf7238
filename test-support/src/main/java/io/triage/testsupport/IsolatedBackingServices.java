package io.triage.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated Spring test class a fresh Postgres database and its own Redis key prefix, on real servers:
 * Testcontainers where a Docker engine runs, otherwise the servers on 127.0.0.1 (5432, 6379). The application
 * context of one class is never shared with another class, so tests never see each other's data.
 *
 * <p>Sets {@code spring.datasource.url}, {@code spring.data.redis.host/port} and
 * {@code triage.platform.redis-key-prefix}; the database is dropped when the JVM exits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface IsolatedBackingServices {
}
