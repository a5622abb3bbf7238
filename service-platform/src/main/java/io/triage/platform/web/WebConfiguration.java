package io.triage.platform.web;

import io.micrometer.tracing.Tracer;
import io.triage.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * ProblemDetail rendering, the body-size limit, the Content-Type check, NUL-free JSON strings and the
 * {@code /metrics} alias.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemDetailsAdvice.class, NulFreeBodies.class, MetricsController.class})
public class WebConfiguration {

    /** Runs just before Spring Security (order -100), after the observation filter that starts the trace. */
    static final int SIZE_LIMIT_ORDER = -101;
    /** Just before the size limit: a body of no readable type is refused before its size matters. */
    static final int CONTENT_TYPE_ORDER = -102;

    @Bean
    TraceIds traceIds(ObjectProvider<Tracer> tracer) {
        return new TraceIds(tracer);
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json, TraceIds traceIds) {
        return new ProblemResponses(json, traceIds);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(PlatformProperties properties,
            ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestBytes().toBytes(), problems));
        registration.setOrder(SIZE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new ContentTypeFilter(problems));
        registration.setOrder(CONTENT_TYPE_ORDER);
        return registration;
    }

    /** Picked up by Boot's {@code JsonMapper} auto-configuration, like any {@code JacksonModule} bean. */
    @Bean
    NulFreeText nulFreeText() {
        return new NulFreeText();
    }
}
