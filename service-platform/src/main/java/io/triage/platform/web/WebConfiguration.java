package io.triage.platform.web;

import io.micrometer.tracing.Tracer;
import io.triage.platform.PlatformProperties;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;
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

    /**
     * A request refused before its body was read (413 by its {@code Content-Length}, a full bulkhead's 503, 401) has
     * up to twice the accepted size ({@code triage.platform.max-request-bytes}, at least Tomcat's 2 MB) read and
     * dropped, so the connection closes cleanly and the client reads the answer. With Tomcat's 2 MB default a refused
     * 10 MB batch was cut off with its body unread, and the reset could discard the 503 before the client read it
     * (seen as "header parser received no bytes"). Larger bodies are still cut off.
     */
    @Bean
    TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> refusedBodiesDrained(PlatformProperties properties) {
        int drained = drainedBytes(properties.maxRequestBytes());
        return protocol -> protocol.setMaxSwallowSize(drained);
    }

    /** How much of a refused body is read and dropped: twice the accepted size, at least 2 MB. */
    static int drainedBytes(DataSize accepted) {
        long bytes = Math.max(2 * accepted.toBytes(), DataSize.ofMegabytes(2).toBytes());
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    /** Picked up by Boot's {@code JsonMapper} auto-configuration, like any {@code JacksonModule} bean. */
    @Bean
    NulFreeText nulFreeText() {
        return new NulFreeText();
    }
}
