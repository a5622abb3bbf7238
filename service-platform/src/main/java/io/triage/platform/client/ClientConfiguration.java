package io.triage.platform.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Resilience for calls between services; the clients themselves are {@code @HttpExchange} interfaces. */
@Configuration(proxyBeanMethods = false)
public class ClientConfiguration {

    @Bean
    ResilientCalls resilientCalls(PlatformProperties properties, MeterRegistry meters) {
        return new ResilientCalls(properties.resilience(), meters);
    }
}
