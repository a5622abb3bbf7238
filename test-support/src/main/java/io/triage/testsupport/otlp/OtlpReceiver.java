package io.triage.testsupport.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP trace receiver on 127.0.0.1, standing in for the OpenTelemetry Collector or Tempo: services export to
 * {@link #tracesEndpoint()} ({@code management.opentelemetry.tracing.export.otlp.endpoint}) in the real wire format
 * (binary protobuf {@code ExportTraceServiceRequest}, gzip or not), and the test reads back every span received.
 *
 * <pre>{@code
 * try (OtlpReceiver otlp = new OtlpReceiver()) {
 *     ... a service started with --management.opentelemetry.tracing.export.otlp.endpoint=otlp.tracesEndpoint() ...
 *     await().until(() -> !otlp.spans(span -> span.name().equals("llm.chat")).isEmpty());
 * }
 * }</pre>
 */
public final class OtlpReceiver implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    /** Starts listening on a free port of 127.0.0.1. */
    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** The URL to export traces to, {@code http://127.0.0.1:<port>/v1/traces}. */
    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Every span received so far, in arrival order. */
    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The spans received so far that match. */
    public List<ReceivedSpan> spans(Predicate<ReceivedSpan> matching) {
        return spans.stream().filter(matching).toList();
    }

    /** Forgets every span received so far. */
    public void clear() {
        spans.clear();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/x-protobuf")) {
                // OTLP/JSON is not spoken here; a 415 makes a misconfigured exporter visible in its log.
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            }
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = service(resourceSpans.getResource());
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        spans.add(received(service, span));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody();
    }

    private static String service(Resource resource) {
        return resource.getAttributesList().stream().filter(a -> a.getKey().equals("service.name"))
                .map(a -> text(a.getValue())).findFirst().orElse("");
    }

    private static ReceivedSpan received(String service, Span span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        List<ReceivedSpan.Link> links = span.getLinksList().stream()
                .map(link -> new ReceivedSpan.Link(hex(link.getTraceId()), hex(link.getSpanId()))).toList();
        String parent = span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId());
        String kind = span.getKind().name().replace("SPAN_KIND_", "");
        return new ReceivedSpan(service, span.getName(), hex(span.getTraceId()), hex(span.getSpanId()), parent, kind,
                Map.copyOf(attributes), links,
                Duration.ofNanos(span.getEndTimeUnixNano() - span.getStartTimeUnixNano()));
    }

    private static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
