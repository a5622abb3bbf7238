package io.triage.platform;

import io.triage.platform.client.ClientConfiguration;
import io.triage.platform.events.EventConfiguration;
import io.triage.platform.migration.MigrateAndExitConfiguration;
import io.triage.platform.scheduling.SchedulingConfiguration;
import io.triage.platform.security.SecurityConfiguration;
import io.triage.platform.tracing.TracingConfiguration;
import io.triage.platform.web.WebConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * What every service gets by depending on this module: security, ProblemDetail errors, the body-size limit,
 * {@code /metrics}, resilient inter-service calls, cluster-safe scheduling, bounded event listeners and the event
 * registry's housekeeping. Ordered before Boot's default web
 * security so that ours is the only filter chain.
 */
@AutoConfiguration(
        beforeName = {
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                // Boot's own AsyncConfigurer steps back for the bounded listener executor (ListenerExecution).
                "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration"},
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(PlatformProperties.class)
@Import({SecurityConfiguration.class, WebConfiguration.class, ClientConfiguration.class,
        SchedulingConfiguration.class, MigrateAndExitConfiguration.class, EventConfiguration.class,
        TracingConfiguration.class})
public class PlatformAutoConfiguration {
}
