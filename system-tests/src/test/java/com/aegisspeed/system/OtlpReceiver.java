package com.aegisspeed.system;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A collector as small as a test needs: receives OTLP/HTTP protobuf trace exports ({@code POST /v1/traces}, what
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} names) and keeps every span with the {@code service.name} of the
 * process that sent it. It reads the protobuf wire format by hand, only the fields it keeps.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span: ids in lower-case hex, as traceparent and the logs write them. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                        Map<String, String> attributes) {
        static final int SERVER = 2;
        static final int CLIENT = 3;
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(body);
                }
                spans.addAll(exportRequest(body.readAllBytes()));
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    /** What to set on a service so it exports its spans here at once. */
    Map<String, String> exporterEnvironment() {
        return Map.of(
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces",
                "OTEL_BSP_SCHEDULE_DELAY", "100");
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static List<ReceivedSpan> exportRequest(byte[] message) {
        List<ReceivedSpan> received = new ArrayList<>();
        for (Field field : fields(message)) {
            if (field.number == 1) {
                received.addAll(resourceSpans(field.bytes));
            }
        }
        return received;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // Resource { repeated KeyValue attributes = 1; }  ScopeSpans { repeated Span spans = 2; }
    private static List<ReceivedSpan> resourceSpans(byte[] message) {
        String service = null;
        List<byte[]> scopeSpans = new ArrayList<>();
        for (Field field : fields(message)) {
            if (field.number == 1) {
                service = attributes(fields(field.bytes), 1).get("service.name");
            } else if (field.number == 2) {
                scopeSpans.add(field.bytes);
            }
        }
        List<ReceivedSpan> received = new ArrayList<>();
        for (byte[] scope : scopeSpans) {
            for (Field field : fields(scope)) {
                if (field.number == 2) {
                    received.add(span(service, field.bytes));
                }
            }
        }
        return received;
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated KeyValue attributes = 9; }
    private static ReceivedSpan span(String service, byte[] message) {
        List<Field> fields = fields(message);
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field field : fields) {
            switch (field.number) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes);
                case 4 -> parent = HexFormat.of().formatHex(field.bytes);
                case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) field.value;
                default -> {
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes(fields, 9));
    }

    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; bool = 2; int = 3; }
    private static Map<String, String> attributes(List<Field> fields, int number) {
        Map<String, String> attributes = new HashMap<>();
        for (Field field : fields) {
            if (field.number != number) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field part : fields(field.bytes)) {
                if (part.number == 1) {
                    key = new String(part.bytes, StandardCharsets.UTF_8);
                } else if (part.number == 2) {
                    for (Field any : fields(part.bytes)) {
                        value = switch (any.number) {
                            case 1 -> new String(any.bytes, StandardCharsets.UTF_8);
                            case 2, 3 -> Long.toString(any.value);
                            default -> value;
                        };
                    }
                }
            }
            if (key != null && value != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    /** A field of a protobuf message: its number and either its length-delimited bytes or its numeric value. */
    private record Field(int number, byte[] bytes, long value) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(message);
        while (in.available() > 0) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, null, varint(in)));
                case 1 -> fields.add(new Field(number, null, fixed(in, 8)));
                case 2 -> fields.add(new Field(number, take(in, (int) varint(in)), 0));
                case 5 -> fields.add(new Field(number, null, fixed(in, 4)));
                default -> throw new IllegalArgumentException("unsupported protobuf wire type in tag " + tag);
            }
        }
        return fields;
    }

    private static byte[] take(ByteArrayInputStream in, int size) {
        byte[] bytes = new byte[size];
        if (size > 0 && in.read(bytes, 0, size) != size) {
            throw new IllegalArgumentException("truncated protobuf field");
        }
        return bytes;
    }

    private static long varint(ByteArrayInputStream in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalArgumentException("truncated varint");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static long fixed(ByteArrayInputStream in, int size) {
        ByteBuffer buffer = ByteBuffer.wrap(take(in, size)).order(ByteOrder.LITTLE_ENDIAN);
        return size == 8 ? buffer.getLong() : buffer.getInt();
    }
}
