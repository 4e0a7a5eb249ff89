package io.mirrorscope.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Jaeger's api_v3 HTTP gateway over the sandbox's spans: {@code /api/v3/services}, {@code /api/v3/operations},
 * {@code /api/v3/traces/{id}} and {@code /api/v3/traces?query.service_name=&query.start_time_min=&...} (camelCase
 * parameter names too), answering OTLP JSON ({@code {"result":{"resourceSpans":[...]}}}) with hex ids, nanosecond
 * strings and enum ints, like the payloads in fixtures/jaeger/api/api_v3-*.json.
 */
final class JaegerApiV3 {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JaegerApiV3() {
    }

    static void handle(HttpExchange exchange, String path, Map<String, List<String>> query, SpanStore store)
            throws IOException {
        if (path.equals("/api/v3/services")) {
            TreeSet<String> services = new TreeSet<>();
            store.all().forEach(span -> services.add(JaegerQueryServer.service(span)));
            ObjectNode body = JSON.createObjectNode();
            body.set("services", JSON.valueToTree(services));
            ok(exchange, body);
        } else if (path.equals("/api/v3/operations")) {
            String service = param(query, "service");
            String kind = param(query, "spanKind", "span_kind");
            Map<String, ObjectNode> ops = new LinkedHashMap<>();
            for (SpanData span : store.all()) {
                String spanKind = JaegerQueryServer.kind(span.getKind());
                if (JaegerQueryServer.service(span).equals(service) && (kind == null || kind.equals(spanKind))) {
                    ops.putIfAbsent(span.getName() + "/" + spanKind,
                            JSON.createObjectNode().put("name", span.getName()).put("spanKind", spanKind));
                }
            }
            ObjectNode body = JSON.createObjectNode();
            body.putArray("operations").addAll(ops.values());
            ok(exchange, body);
        } else if (path.startsWith("/api/v3/traces/")) {
            String id = JaegerQueryServer.normalizeId(path.substring("/api/v3/traces/".length()));
            List<SpanData> spans = id == null ? List.of() : store.trace(id);
            if (spans.isEmpty()) {
                ObjectNode error = JSON.createObjectNode();
                error.putObject("error").put("grpcCode", 5).put("httpCode", 404).put("httpStatus", "Not Found")
                        .put("message", "trace not found");
                JaegerQueryServer.send(exchange, 404, "application/json", JSON.writeValueAsString(error));
                return;
            }
            ok(exchange, result(spans));
        } else if (path.equals("/api/v3/traces")) {
            search(exchange, query, store);
        } else {
            JaegerQueryServer.send(exchange, 404, "text/plain", "404 page not found\n");
        }
    }

    private static void search(HttpExchange exchange, Map<String, List<String>> query, SpanStore store)
            throws IOException {
        String service = param(query, "query.service_name", "query.serviceName");
        String operation = param(query, "query.operation_name", "query.operationName");
        String min = param(query, "query.start_time_min", "query.startTimeMin");
        String max = param(query, "query.start_time_max", "query.startTimeMax");
        if (service == null || min == null || max == null) {
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("httpCode", 400).put("httpStatus", "Bad Request")
                    .put("message", "service name, start time min and max are required");
            JaegerQueryServer.send(exchange, 400, "application/json", JSON.writeValueAsString(error));
            return;
        }
        long minNanos = nanos(Instant.parse(min));
        long maxNanos = nanos(Instant.parse(max));
        String depth = param(query, "query.search_depth", "query.searchDepth", "query.num_traces");
        int limit = depth == null ? 20 : Integer.parseInt(depth);
        Map<String, List<SpanData>> traces = new LinkedHashMap<>();
        store.all().forEach(span -> traces.computeIfAbsent(span.getTraceId(), k -> new ArrayList<>()).add(span));
        List<SpanData> hits = new ArrayList<>();
        List<Map.Entry<String, List<SpanData>>> newestFirst = new ArrayList<>(traces.entrySet());
        java.util.Collections.reverse(newestFirst);
        int found = 0;
        for (Map.Entry<String, List<SpanData>> trace : newestFirst) {
            boolean match = trace.getValue().stream().anyMatch(span -> JaegerQueryServer.service(span).equals(service)
                    && (operation == null || operation.equals(span.getName()))
                    && span.getStartEpochNanos() >= minNanos && span.getStartEpochNanos() <= maxNanos);
            if (match && found++ < limit) {
                hits.addAll(trace.getValue());
            }
        }
        ok(exchange, result(hits));
    }

    /** OTLP JSON: spans grouped by their resource (one per service). */
    static ObjectNode result(List<SpanData> spans) {
        Map<String, List<SpanData>> byService = new LinkedHashMap<>();
        spans.forEach(span -> byService.computeIfAbsent(JaegerQueryServer.service(span), k -> new ArrayList<>())
                .add(span));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode resourceSpans = body.putObject("result").putArray("resourceSpans");
        byService.values().forEach(group -> {
            ObjectNode rs = resourceSpans.addObject();
            attributes(rs.putObject("resource").putArray("attributes"), group.getFirst().getResource().getAttributes());
            ObjectNode scope = rs.putArray("scopeSpans").addObject();
            scope.putObject("scope").put("name", group.getFirst().getInstrumentationScopeInfo().getName());
            ArrayNode out = scope.putArray("spans");
            for (SpanData span : group) {
                ObjectNode json = out.addObject();
                json.put("traceId", span.getTraceId());
                json.put("spanId", span.getSpanId());
                if (span.getParentSpanContext().isValid()) {
                    json.put("parentSpanId", span.getParentSpanId());
                }
                json.put("name", span.getName());
                json.put("kind", span.getKind().ordinal() + 1);
                json.put("startTimeUnixNano", Long.toString(span.getStartEpochNanos()));
                json.put("endTimeUnixNano", Long.toString(span.getEndEpochNanos()));
                attributes(json.putArray("attributes"), span.getAttributes());
                if (!span.getLinks().isEmpty()) {
                    ArrayNode links = json.putArray("links");
                    span.getLinks().forEach(link -> links.addObject()
                            .put("traceId", link.getSpanContext().getTraceId())
                            .put("spanId", link.getSpanContext().getSpanId()));
                }
                ObjectNode status = json.putObject("status");
                if (span.getStatus().getStatusCode() != StatusCode.UNSET) {
                    status.put("code", span.getStatus().getStatusCode() == StatusCode.OK ? 1 : 2);
                }
            }
        });
        return body;
    }

    private static void attributes(ArrayNode out, Attributes attributes) {
        attributes.forEach((AttributeKey<?> key, Object value) -> {
            ObjectNode v = out.addObject().put("key", key.getKey()).putObject("value");
            switch (value) {
                case Boolean b -> v.put("boolValue", b);
                case Long l -> v.put("intValue", l.toString());
                case Double d -> v.put("doubleValue", d);
                default -> v.put("stringValue", String.valueOf(value));
            }
        });
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String param(Map<String, List<String>> query, String... names) {
        for (String name : names) {
            String value = JaegerQueryServer.first(query, name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static void ok(HttpExchange exchange, ObjectNode body) throws IOException {
        JaegerQueryServer.send(exchange, 200, "application/json", JSON.writeValueAsString(body));
    }
}
