package io.mirrorscope.tracing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.SpanKind;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceBuilder;
import io.mirrorscope.core.trace.TraceIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads OTLP JSON as Jaeger's api_v3 returns it ({@code {"result":{"resourceSpans":[…]}}}, or bare
 * {@code {"resourceSpans":[…]}}) into one {@link TraceBuilder} per trace id, streaming. Handles the traps of that
 * format: hex or base64 ids, 64-bit integers as strings, enums as numbers or names, omitted default fields, nested
 * {@code AnyValue}s (arrays and key/value lists become JSON text), and camelCase or snake_case field names. As
 * Jaeger does, {@code parentSpanId} becomes a CHILD_OF reference, links FOLLOWS_FROM references, events logs,
 * the resource's {@code service.name} the service and its other attributes the process tags.
 */
public final class OtlpJsonReader {

    private final Map<String, TraceBuilder> builders = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int resources;

    private OtlpJsonReader() {
    }

    /** Reads a whole response body; {@code source} names it in messages. */
    public static ParsedTraces read(byte[] body, String source) {
        OtlpJsonReader reader = new OtlpJsonReader();
        Problem problem = null;
        try (JsonParser p = JaegerJsonReader.FACTORY.createParser(body)) {
            JaegerJsonReader.expect(p, p.nextToken(), JsonToken.START_OBJECT);
            reader.object(p);
        } catch (IOException | IllegalArgumentException e) {
            int spans = reader.builders.values().stream().mapToInt(TraceBuilder::spanCount).sum();
            problem = Malformed.problem(source, e, spans);
        }
        List<Trace> traces = new ArrayList<>();
        for (TraceBuilder b : reader.builders.values()) {
            if (problem != null) {
                b.warn("the response was cut short; spans after that point are missing");
            }
            traces.add(b.build());
        }
        return new ParsedTraces(traces, reader.errors, problem);
    }

    /** {@code {"result": {...}}}, {@code {"resourceSpans": [...]}} or {@code {"error": {...}}}. */
    private void object(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "result" -> {
                    if (t == JsonToken.START_OBJECT) {
                        object(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "resourceSpans", "resource_spans" -> {
                    JaegerJsonReader.expect(p, t, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        resourceSpans(p);
                    }
                }
                case "error" -> errors.add(((JsonNode) p.readValueAsTree()).path("message")
                        .asText());
                default -> p.skipChildren();
            }
        }
    }

    private void resourceSpans(JsonParser p) throws IOException {
        String key = "r" + resources++;
        List<String[]> attributes = new ArrayList<>();
        Set<TraceBuilder> touched = new LinkedHashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("resource") && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    if (f.equals("attributes")) {
                        attributes(p, attributes);
                    } else {
                        p.skipChildren();
                    }
                }
            } else if ((field.equals("scopeSpans") || field.equals("scope_spans")
                    || field.equals("instrumentationLibrarySpans")) && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    scopeSpans(p, key, touched);
                }
            } else {
                p.skipChildren();
            }
        }
        String service = null;
        for (String[] a : attributes) {
            if (a[0].equals("service.name")) {
                service = a[2];
            }
        }
        for (TraceBuilder b : touched) {
            int index = b.process(key);
            b.defineProcess(index, service);
            for (String[] a : attributes) {
                if (!a[0].equals("service.name")) {
                    b.processTag(index, a[0], Byte.parseByte(a[1]), a[2]);
                }
            }
        }
    }

    private void scopeSpans(JsonParser p, String resourceKey, Set<TraceBuilder> touched) throws IOException {
        String scopeName = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if ((field.equals("scope") || field.equals("instrumentationLibrary")) && t == JsonToken.START_OBJECT) {
                JsonNode scope = p.readValueAsTree();
                scopeName = scope.path("name").asText(null);
            } else if (field.equals("spans") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    PendingSpan span = span(p);
                    TraceBuilder b = builders.computeIfAbsent(TraceIds.normalizeTraceId(span.traceId),
                            TraceBuilder::new);
                    touched.add(b);
                    span.emit(b, b.process(resourceKey), scopeName);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** A span's fields as read; the trace id may come last, so the span is emitted once complete. */
    private static final class PendingSpan {
        String traceId = "";
        long spanId;
        long parentSpanId;
        String name = "";
        SpanKind kind = SpanKind.UNSPECIFIED;
        long startNanos;
        long endNanos;
        boolean error;
        String statusMessage;
        final List<String[]> attributes = new ArrayList<>();
        final List<Object[]> events = new ArrayList<>();
        final List<Object[]> links = new ArrayList<>();

        void emit(TraceBuilder b, int process, String scopeName) {
            b.beginSpan();
            b.spanId(spanId);
            b.operation(name);
            b.startMicros(startNanos / 1000);
            b.durationMicros((endNanos - startNanos) / 1000);
            b.process(process);
            b.kind(kind);
            if (parentSpanId != 0) {
                b.reference(true, traceId, parentSpanId);
            }
            for (Object[] link : links) {
                b.reference(false, (String) link[0], (Long) link[1]);
            }
            if (scopeName != null && !scopeName.isEmpty()) {
                b.tag("otel.scope.name", Trace.STRING, scopeName);
            }
            for (String[] a : attributes) {
                b.tag(a[0], Byte.parseByte(a[1]), a[2]);
            }
            if (error) {
                b.error();
                b.tag("error", Trace.BOOL, "true");
            }
            if (statusMessage != null && !statusMessage.isEmpty()) {
                b.tag("otel.status_description", Trace.STRING, statusMessage);
            }
            for (Object[] event : events) {
                b.log((Long) event[0] / 1000);
                if (event[1] != null) {
                    b.logField("event", Trace.STRING, (String) event[1]);
                }
                @SuppressWarnings("unchecked")
                List<String[]> fields = (List<String[]>) event[2];
                for (String[] f : fields) {
                    b.logField(f[0], Byte.parseByte(f[1]), f[2]);
                }
            }
            b.endSpan();
        }
    }

    private static PendingSpan span(JsonParser p) throws IOException {
        PendingSpan s = new PendingSpan();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "traceId", "trace_id" -> s.traceId = p.getText();
                case "spanId", "span_id" -> s.spanId = TraceIds.parseSpanId(p.getText());
                case "parentSpanId", "parent_span_id" -> {
                    String text = p.getText();
                    s.parentSpanId = text.isEmpty() ? 0 : TraceIds.parseSpanId(text);
                }
                case "name" -> s.name = p.getText();
                case "kind" -> s.kind = t == JsonToken.VALUE_NUMBER_INT ? SpanKind.ofOtlp(p.getIntValue())
                        : SpanKind.ofName(p.getText());
                case "startTimeUnixNano", "start_time_unix_nano" -> s.startNanos = JsonValues.longValue(p);
                case "endTimeUnixNano", "end_time_unix_nano" -> s.endNanos = JsonValues.longValue(p);
                case "attributes" -> attributes(p, s.attributes);
                case "events" -> events(p, s);
                case "links" -> links(p, s);
                case "status" -> status(p, s);
                default -> p.skipChildren();
            }
        }
        return s;
    }

    private static void status(JsonParser p, PendingSpan s) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (f.equals("code")) {
                s.error = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() == 2
                        : p.getText().toUpperCase(Locale.ROOT).endsWith("ERROR");
            } else if (f.equals("message")) {
                s.statusMessage = p.getText();
            } else {
                p.skipChildren();
            }
        }
    }

    private static void events(JsonParser p, PendingSpan s) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long time = 0;
            String name = null;
            List<String[]> fields = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "timeUnixNano", "time_unix_nano" -> time = JsonValues.longValue(p);
                    case "name" -> name = p.getText();
                    case "attributes" -> attributes(p, fields);
                    default -> p.skipChildren();
                }
            }
            s.events.add(new Object[] {time, name, fields});
        }
    }

    private static void links(JsonParser p, PendingSpan s) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String traceId = null;
            long spanId = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "traceId", "trace_id" -> traceId = p.getText();
                    case "spanId", "span_id" -> spanId = TraceIds.parseSpanId(p.getText());
                    default -> p.skipChildren();
                }
            }
            s.links.add(new Object[] {traceId, spanId});
        }
    }

    /** {@code [{key, value: AnyValue}]} into {key, type digit, text}. */
    private static void attributes(JsonParser p, List<String[]> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String key = "";
            String[] value = {String.valueOf(Trace.STRING), ""};
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals("key")) {
                    key = p.getText();
                } else if (f.equals("value") && t == JsonToken.START_OBJECT) {
                    value = anyValue(p.readValueAsTree());
                } else {
                    p.skipChildren();
                }
            }
            out.add(new String[] {key, value[0], value[1]});
        }
    }

    /** An AnyValue as {type digit, text}; an empty AnyValue (all defaults omitted) is an empty string. */
    static String[] anyValue(JsonNode v) {
        if (v.has("stringValue") || v.has("string_value")) {
            return new String[] {String.valueOf(Trace.STRING), v.path(v.has("stringValue") ? "stringValue"
                    : "string_value").asText()};
        }
        if (v.has("boolValue") || v.has("bool_value")) {
            return new String[] {String.valueOf(Trace.BOOL), String.valueOf(v.path(v.has("boolValue") ? "boolValue"
                    : "bool_value").asBoolean())};
        }
        if (v.has("intValue") || v.has("int_value")) {
            return new String[] {String.valueOf(Trace.INT64), v.path(v.has("intValue") ? "intValue" : "int_value")
                    .asText()};
        }
        if (v.has("doubleValue") || v.has("double_value")) {
            return new String[] {String.valueOf(Trace.FLOAT64), v.path(v.has("doubleValue") ? "doubleValue"
                    : "double_value").asText()};
        }
        if (v.has("bytesValue") || v.has("bytes_value")) {
            return new String[] {String.valueOf(Trace.BINARY), v.path(v.has("bytesValue") ? "bytesValue"
                    : "bytes_value").asText()};
        }
        if (v.has("arrayValue") || v.has("array_value")) {
            StringBuilder text = new StringBuilder("[");
            for (JsonNode item : v.path(v.has("arrayValue") ? "arrayValue"
                    : "array_value").path("values")) {
                text.append(text.length() > 1 ? "," : "").append(json(item));
            }
            return new String[] {String.valueOf(Trace.STRING), text.append(']').toString()};
        }
        if (v.has("kvlistValue") || v.has("kvlist_value")) {
            StringBuilder text = new StringBuilder("{");
            for (JsonNode kv : v.path(v.has("kvlistValue") ? "kvlistValue"
                    : "kvlist_value").path("values")) {
                text.append(text.length() > 1 ? "," : "")
                        .append(com.fasterxml.jackson.databind.node.TextNode.valueOf(kv.path("key").asText()))
                        .append(':').append(json(kv.path("value")));
            }
            return new String[] {String.valueOf(Trace.STRING), text.append('}').toString()};
        }
        return new String[] {String.valueOf(Trace.STRING), ""};
    }

    private static String json(JsonNode item) {
        String[] inner = anyValue(item);
        byte type = Byte.parseByte(inner[0]);
        boolean nested = item.has("arrayValue") || item.has("array_value") || item.has("kvlistValue")
                || item.has("kvlist_value");
        return !nested && (type == Trace.STRING || type == Trace.BINARY)
                ? com.fasterxml.jackson.databind.node.TextNode.valueOf(inner[1]).toString() : inner[1];
    }
}
