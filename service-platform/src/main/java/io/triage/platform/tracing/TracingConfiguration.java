package io.triage.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link TraceParents} for every service, and JDBC spans (datasource-micrometer) only inside a trace: a statement
 * run by a request, a scheduled job or a relay span belongs to that trace, but the outbox relays' idle polls and
 * the gauges' counts, which run outside any, would each start a trace of their own (several a second, per service)
 * and bury the useful ones.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /** The observations datasource-micrometer creates: jdbc.connection, jdbc.query, jdbc.result-set. */
    static final String JDBC = "jdbc.";

    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer) {
        return new TraceParents(tracer);
    }

    @Bean
    ObservationPredicate jdbcOnlyInsideATrace(ObjectProvider<Tracer> tracer) {
        return (name, context) -> {
            if (!name.startsWith(JDBC)) {
                return true;
            }
            Tracer t = tracer.getIfAvailable();
            return t != null && t.currentSpan() != null;
        };
    }
}
