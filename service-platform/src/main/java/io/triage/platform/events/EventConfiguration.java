package io.triage.platform.events;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * The bounded listener executor (every service), and in the services that keep an event publication registry the
 * dead letter, its operator endpoint and the scheduled housekeeping.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventProperties.class)
public class EventConfiguration {

    @Bean
    ListenerExecution listenerExecution(EventProperties properties, MeterRegistry meters) {
        return new ListenerExecution(properties, meters);
    }

    /** Only where Spring Modulith's registry is on the classpath (classify, ingestion and gdpr services). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.modulith.events.CompletedEventPublications")
    @ConditionalOnBean(DataSource.class)
    @Import(DeadLetterController.class)
    static class Registry {

        @Bean
        DeadLetters eventDeadLetters(DataSource dataSource, EventProperties properties, MeterRegistry meters) {
            return new DeadLetters(JdbcClient.create(dataSource), properties, meters);
        }

        @Bean
        EventHousekeeping eventHousekeeping(CompletedEventPublications completed, DeadLetters deadLetters,
                EventProperties properties) {
            return new EventHousekeeping(completed, deadLetters, properties);
        }
    }
}
