package io.triage.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** traceparent values written by one request and resumed by the work that reads them later. */
class TraceParentsTests {

    private final List<SpanData> exported = new ArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(java.util.Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build();
    private final Tracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { });
    private final TraceParents traceParents = traceParents(tracer);

    @AfterEach
    void close() {
        provider.close();
    }

    private static TraceParents traceParents(Tracer tracer) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("tracer", tracer);
        return new TraceParents(beans.getBeanProvider(Tracer.class));
    }

    @Test
    void currentSpanIsWrittenAsW3cTraceparent() {
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            assertThat(traceParents.current()).isEqualTo(
                    "00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        } finally {
            request.end();
        }
        assertThat(traceParents.current()).as("outside any span").isNull();
    }

    @Test
    void oneStoredTraceparentBecomesTheParent() {
        String stored = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        traceParents.resume("audit.relay", List.of(stored)).end();

        SpanData relay = exported.getFirst();
        assertThat(relay.getName()).isEqualTo("audit.relay");
        assertThat(relay.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(relay.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void severalRequestsAreLinkedFromATraceOfItsOwn() {
        String first = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String second = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        traceParents.resume("audit.relay", Arrays.asList(first, null, second, first)).end();

        SpanData relay = exported.getFirst();
        assertThat(relay.getTraceId()).isNotIn("4bf92f3577b34da6a3ce929d0e0e4736", "0af7651916cd43dd8448eb211c80319c");
        assertThat(relay.getParentSpanContext().isValid()).as("a root span").isFalse();
        assertThat(relay.getLinks()).extracting(LinkData::getSpanContext)
                .extracting(context -> context.getTraceId() + "/" + context.getSpanId())
                .containsExactly("4bf92f3577b34da6a3ce929d0e0e4736/00f067aa0ba902b7",
                        "0af7651916cd43dd8448eb211c80319c/b7ad6b7169203331");
    }

    @Test
    void malformedOrInvalidValuesAreIgnored() {
        traceParents.resume("audit.relay", Arrays.asList(null, "garbage",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).end();

        SpanData relay = exported.getFirst();
        assertThat(relay.getParentSpanContext().isValid()).isFalse();
        assertThat(relay.getLinks()).isEmpty();
    }

    @Test
    void anUnsampledRequestStaysUnsampled() {
        SdkTracerProvider ratio = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.alwaysOn())).build();
        try {
            Tracer sampling = new OtelTracer(ratio.get("test"), new OtelCurrentTraceContext(), event -> { });
            Span relay = traceParents(sampling).resume("audit.relay",
                    List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
            assertThat(relay.context().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(relay.context().sampled()).isFalse();
            relay.end();
        } finally {
            ratio.close();
        }
    }
}
