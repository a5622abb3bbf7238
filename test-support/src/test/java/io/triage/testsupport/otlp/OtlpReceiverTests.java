package io.triage.testsupport.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

class OtlpReceiverTests {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN = "b7ad6b7169203331";
    private static final String PARENT = "00f067aa0ba902b7";
    private static final String LINKED_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readsSpansOfAProtobufExportWithServiceIdsAttributesLinksAndDuration() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            HttpResponse<Void> answer = post(receiver, request().toByteArray(), false);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(receiver.spans()).singleElement().satisfies(span -> {
                assertThat(span.service()).isEqualTo("classify-service");
                assertThat(span.name()).isEqualTo("llm.chat");
                assertThat(span.traceId()).isEqualTo(TRACE);
                assertThat(span.spanId()).isEqualTo(SPAN);
                assertThat(span.parentSpanId()).isEqualTo(PARENT);
                assertThat(span.kind()).isEqualTo("CLIENT");
                assertThat(span.attributes()).containsEntry("gen_ai.request.model", "stub-model")
                        .containsEntry("gen_ai.usage.input_tokens", "321");
                assertThat(span.links()).containsExactly(new ReceivedSpan.Link(LINKED_TRACE, PARENT));
                assertThat(span.duration()).isEqualTo(Duration.ofMillis(250));
                assertThat(span.joins(LINKED_TRACE)).isTrue();
                assertThat(span.joins("0".repeat(31) + "1")).isFalse();
            });
        }
    }

    @Test
    void readsAGzippedExport() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(request().toByteArray());
        }
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            assertThat(post(receiver, zipped.toByteArray(), true).statusCode()).isEqualTo(200);
            assertThat(receiver.spans(span -> span.name().equals("llm.chat"))).hasSize(1);
        }
    }

    @Test
    void refusesOtlpJsonWith415AndKeepsNothing() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"resourceSpans\":[]}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(415);
            assertThat(receiver.spans()).isEmpty();
        }
    }

    private HttpResponse<Void> post(OtlpReceiver receiver, byte[] body, boolean gzip)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static ExportTraceServiceRequest request() {
        Span span = Span.newBuilder().setTraceId(id(TRACE)).setSpanId(id(SPAN)).setParentSpanId(id(PARENT))
                .setName("llm.chat").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(1_000_000_000L).setEndTimeUnixNano(1_250_000_000L)
                .addAttributes(text("gen_ai.request.model", "stub-model"))
                .addAttributes(KeyValue.newBuilder().setKey("gen_ai.usage.input_tokens")
                        .setValue(AnyValue.newBuilder().setIntValue(321)))
                .addLinks(Span.Link.newBuilder().setTraceId(id(LINKED_TRACE)).setSpanId(id(PARENT)))
                .build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(text("service.name", "classify-service")))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))).build();
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static ByteString id(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }
}
