package io.mirrorscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jaeger's query HTTP JSON API ({@code /api/...}, the one the Jaeger UI uses) over the sandbox's {@link SpanStore},
 * on a free loopback port: {@code /api/services}, {@code /api/services/{s}/operations},
 * {@code /api/operations?service=}, {@code /api/traces?service=&operation=&tags=&start=&end=&lookback=&limit=&
 * minDuration=&maxDuration=}, {@code /api/traces/{id}} and {@code /api/dependencies}, plus api_v3
 * ({@link JaegerApiV3}). Payloads have real Jaeger's
 * shapes: the {@code data/total/limit/offset/errors} envelope, microsecond times, a {@code processes} map,
 * {@code CHILD_OF} references, int64 tags beyond 53 bits as strings, and 404 errors as {@code text/plain}.
 */
public final class JaegerQueryServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATIONS = Pattern.compile("/api/services/([^/]+)/operations/?");
    private static final Pattern TRACE = Pattern.compile("/api/traces/([^/]+)/?");
    private static final long JS_MAX_SAFE = (1L << 53) - 1;

    private final SpanStore store;
    private final boolean v1Search;
    private final HttpServer server;
    private final ExecutorService executor;

    /** Serves the v1 API and api_v3. */
    public JaegerQueryServer(SpanStore store) throws IOException {
        this(store, true);
    }

    /**
     * @param v1Search false to answer like Jaeger after #9260: no v1 {@code /api/services}, {@code /api/operations},
     *     {@code /api/services/{s}/operations} or {@code /api/traces} search (404); trace by id, dependencies and
     *     api_v3 stay
     */
    public JaegerQueryServer(SpanStore store, boolean v1Search) throws IOException {
        this.store = store;
        this.v1Search = v1Search;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/api/", this::handle);
        server.createContext("/", exchange -> send(exchange, 404, "text/plain", "404 page not found\n"));
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain", "method not allowed\n");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            if (path.startsWith("/api/v3/")) {
                JaegerApiV3.handle(exchange, path, query, store);
                return;
            }
            boolean search = path.startsWith("/api/services") || path.equals("/api/operations")
                    || path.equals("/api/traces") || path.equals("/api/traces/");
            if (search && !v1Search) {
                send(exchange, 404, "text/plain", "404 page not found\n");
                return;
            }
            Matcher operations = OPERATIONS.matcher(path);
            Matcher trace = TRACE.matcher(path);
            if (path.equals("/api/services") || path.equals("/api/services/")) {
                List<String> services = services();
                sendJson(exchange, envelope(JSON.valueToTree(services), services.size()));
            } else if (operations.matches()) {
                List<String> names = operations(decode(operations.group(1)), null).stream()
                        .map(op -> op[0]).distinct().sorted().toList();
                sendJson(exchange, envelope(JSON.valueToTree(names), names.size()));
            } else if (path.equals("/api/operations")) {
                String service = first(query, "service");
                if (service == null || service.isEmpty()) {
                    sendError(exchange, 400, "parameter 'service' is required");
                    return;
                }
                ArrayNode data = JSON.createArrayNode();
                for (String[] op : operations(service, first(query, "spanKind"))) {
                    data.addObject().put("name", op[0]).put("spanKind", op[1]);
                }
                sendJson(exchange, envelope(data, data.size()));
            } else if (trace.matches()) {
                String id = normalizeId(decode(trace.group(1)));
                List<SpanData> spans = id == null ? List.of() : store.trace(id);
                if (spans.isEmpty()) {
                    sendError(exchange, 404, "trace not found");
                    return;
                }
                ArrayNode data = JSON.createArrayNode().add(traceJson(id, spans));
                sendJson(exchange, envelope(data, 0));
            } else if (path.equals("/api/traces") || path.equals("/api/traces/")) {
                search(exchange, query);
            } else if (path.equals("/api/dependencies")) {
                sendJson(exchange, envelope(dependencies(), 0));
            } else {
                send(exchange, 404, "text/plain", "404 page not found\n");
            }
        } catch (RuntimeException e) {
            sendError(exchange, 500, e.toString());
        }
    }

    private List<String> services() {
        Set<String> names = new TreeSet<>();
        for (SpanData span : store.all()) {
            names.add(service(span));
        }
        return List.copyOf(names);
    }

    /** Pairs of {operation, span kind} of a service, optionally of one kind. */
    private List<String[]> operations(String service, String spanKind) {
        Map<String, String[]> ops = new LinkedHashMap<>();
        for (SpanData span : store.all()) {
            if (service(span).equals(service)) {
                String kind = kind(span.getKind());
                if (spanKind == null || spanKind.isEmpty() || spanKind.equals(kind)) {
                    ops.putIfAbsent(span.getName() + "\u0000" + kind, new String[] {span.getName(), kind});
                }
            }
        }
        List<String[]> list = new ArrayList<>(ops.values());
        list.sort(Comparator.comparing((String[] op) -> op[0]).thenComparing(op -> op[1]));
        return list;
    }

    private void search(HttpExchange exchange, Map<String, List<String>> query) throws IOException {
        String service = first(query, "service");
        List<String> ids = query.getOrDefault("traceID", List.of());
        if ((service == null || service.isEmpty()) && ids.isEmpty()) {
            sendError(exchange, 400, "parameter 'service' is required");
            return;
        }
        ArrayNode data = JSON.createArrayNode();
        if (!ids.isEmpty()) {
            ArrayNode errors = JSON.createArrayNode();
            for (String raw : ids) {
                String id = normalizeId(raw);
                List<SpanData> spans = id == null ? List.of() : store.trace(id);
                if (spans.isEmpty()) {
                    errors.addObject().put("msg", "trace not found").put("traceID", raw);
                } else {
                    data.add(traceJson(id, spans));
                }
            }
            ObjectNode body = envelope(data, 0);
            if (!errors.isEmpty()) {
                body.set("errors", errors);
            }
            sendJson(exchange, body);
            return;
        }
        String operation = first(query, "operation");
        long nowMicros = System.currentTimeMillis() * 1000;
        long end = parseLong(first(query, "end"), nowMicros);
        long lookback = parseLookback(first(query, "lookback"));
        long start = parseLong(first(query, "start"), lookback > 0 ? end - lookback : end - 3_600_000_000L);
        int limit = (int) parseLong(first(query, "limit"), 20);
        long minDuration = parseGoDuration(first(query, "minDuration"));
        long maxDuration = parseGoDuration(first(query, "maxDuration"));
        Map<String, String> tags = tags(query);
        Map<String, List<SpanData>> traces = new LinkedHashMap<>();
        for (SpanData span : store.all()) {
            traces.computeIfAbsent(span.getTraceId(), id -> new ArrayList<>()).add(span);
        }
        List<Map.Entry<String, Long>> hits = new ArrayList<>();
        for (Map.Entry<String, List<SpanData>> entry : traces.entrySet()) {
            long traceStart = Long.MAX_VALUE;
            boolean match = false;
            for (SpanData span : entry.getValue()) {
                traceStart = Math.min(traceStart, span.getStartEpochNanos() / 1000);
                long startUs = span.getStartEpochNanos() / 1000;
                long durationUs = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1000;
                match |= service(span).equals(service)
                        && (operation == null || operation.isEmpty() || operation.equals(span.getName()))
                        && startUs >= start && startUs <= end
                        && (minDuration <= 0 || durationUs >= minDuration)
                        && (maxDuration <= 0 || durationUs <= maxDuration)
                        && hasTags(span, tags);
            }
            if (match) {
                hits.add(Map.entry(entry.getKey(), traceStart));
            }
        }
        hits.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> hit : hits.subList(0, Math.min(limit <= 0 ? 20 : limit, hits.size()))) {
            data.add(traceJson(hit.getKey(), traces.get(hit.getKey())));
        }
        sendJson(exchange, envelope(data, 0));
    }

    private static boolean hasTags(SpanData span, Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            Object value = span.getAttributes().asMap().entrySet().stream()
                    .filter(e -> e.getKey().getKey().equals(tag.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(tag.getKey().equals("span.kind") ? kind(span.getKind()) : null);
            if (value == null || !String.valueOf(value).equals(tag.getValue())) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> tags(Map<String, List<String>> query) {
        Map<String, String> tags = new LinkedHashMap<>();
        String json = first(query, "tags");
        if (json != null && !json.isEmpty()) {
            try {
                JSON.readTree(json).properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
            } catch (IOException e) {
                throw new IllegalArgumentException("malformed 'tags' parameter: " + e.getMessage());
            }
        }
        for (String tag : query.getOrDefault("tag", List.of())) {
            String[] kv = tag.split(":", 2);
            tags.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return tags;
    }

    private ArrayNode dependencies() {
        Map<String, SpanData> byId = new HashMap<>();
        List<SpanData> all = store.all();
        all.forEach(span -> byId.put(span.getSpanId(), span));
        Map<String, Long> calls = new LinkedHashMap<>();
        for (SpanData span : all) {
            SpanData parent = byId.get(span.getParentSpanId());
            if (parent != null && !service(parent).equals(service(span))) {
                calls.merge(service(parent) + "\u0000" + service(span), 1L, Long::sum);
            }
        }
        ArrayNode data = JSON.createArrayNode();
        calls.forEach((key, count) -> {
            String[] pc = key.split("\u0000");
            data.addObject().put("parent", pc[0]).put("child", pc[1]).put("callCount", count);
        });
        return data;
    }

    /** One trace in Jaeger's UI JSON: {traceID, spans, processes, warnings}. */
    static ObjectNode traceJson(String traceId, List<SpanData> spans) {
        ObjectNode trace = JSON.createObjectNode();
        trace.put("traceID", traceId);
        ArrayNode spanArray = trace.putArray("spans");
        Map<String, String> processIds = new LinkedHashMap<>();
        Map<String, SpanData> processSpan = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        List<SpanData> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
        for (SpanData span : sorted) {
            if (!seen.add(span.getSpanId())) {
                continue;
            }
            String service = service(span);
            String processId = processIds.computeIfAbsent(service, s -> "p" + (processIds.size() + 1));
            processSpan.putIfAbsent(processId, span);
            ObjectNode json = spanArray.addObject();
            json.put("traceID", span.getTraceId());
            json.put("spanID", span.getSpanId());
            json.put("operationName", span.getName());
            ArrayNode references = json.putArray("references");
            if (span.getParentSpanContext().isValid()) {
                references.addObject().put("refType", "CHILD_OF")
                        .put("traceID", span.getParentSpanContext().getTraceId())
                        .put("spanID", span.getParentSpanContext().getSpanId());
            }
            // like Jaeger's OTLP translator: span links become FOLLOWS_FROM references
            span.getLinks().forEach(link -> references.addObject().put("refType", "FOLLOWS_FROM")
                    .put("traceID", link.getSpanContext().getTraceId())
                    .put("spanID", link.getSpanContext().getSpanId()));
            json.put("startTime", span.getStartEpochNanos() / 1000);
            json.put("duration", Math.max(0, (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1000));
            ArrayNode tags = json.putArray("tags");
            span.getAttributes().forEach((key, value) -> addTag(tags, key, value));
            if (span.getKind() != SpanKind.INTERNAL) {
                tags.addObject().put("key", "span.kind").put("type", "string").put("value", kind(span.getKind()));
            }
            if (span.getStatus().getStatusCode() == io.opentelemetry.api.trace.StatusCode.ERROR) {
                tags.addObject().put("key", "error").put("type", "bool").put("value", true);
            }
            json.putArray("logs");
            json.put("processID", processId);
            json.putNull("warnings");
        }
        ObjectNode processes = trace.putObject("processes");
        processSpan.forEach((processId, span) -> {
            ObjectNode process = processes.putObject(processId);
            process.put("serviceName", service(span));
            ArrayNode tags = process.putArray("tags");
            span.getResource().getAttributes().forEach((key, value) -> {
                if (!key.getKey().equals(SandboxTracing.SERVICE_NAME)) {
                    addTag(tags, key, value);
                }
            });
        });
        trace.putNull("warnings");
        return trace;
    }

    private static void addTag(ArrayNode tags, AttributeKey<?> key, Object value) {
        ObjectNode tag = tags.addObject().put("key", key.getKey());
        switch (value) {
            case Boolean b -> tag.put("type", "bool").put("value", b);
            case Long l -> {
                tag.put("type", "int64");
                if (Math.abs(l) > JS_MAX_SAFE) {
                    tag.put("value", l.toString());
                } else {
                    tag.put("value", l);
                }
            }
            case Double d -> tag.put("type", "float64").put("value", d);
            default -> tag.put("type", "string").put("value", String.valueOf(value));
        }
    }

    static String service(SpanData span) {
        String name = span.getResource().getAttribute(AttributeKey.stringKey(SandboxTracing.SERVICE_NAME));
        return name == null ? "unknown_service" : name;
    }

    static String kind(SpanKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Lower-case 32-hex trace id from hex input of up to 32 digits; null when not hex. */
    static String normalizeId(String raw) {
        String id = raw.trim().toLowerCase(Locale.ROOT);
        if (!id.matches("[0-9a-f]{1,32}")) {
            return null;
        }
        return "0".repeat(32 - id.length()) + id;
    }

    private static ObjectNode envelope(JsonNode data, int total) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("total", total);
        body.put("limit", 0);
        body.put("offset", 0);
        body.putNull("errors");
        return body;
    }

    private static void sendError(HttpExchange exchange, int code, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putNull("data");
        body.put("total", 0);
        body.put("limit", 0);
        body.put("offset", 0);
        body.putArray("errors").addObject().put("code", code).put("msg", message);
        // like Jaeger's http.Error: the JSON body goes out as text/plain
        send(exchange, code, "text/plain; charset=utf-8", JSON.writeValueAsString(body) + "\n");
    }

    private static void sendJson(HttpExchange exchange, ObjectNode body) throws IOException {
        send(exchange, 200, "application/json", JSON.writeValueAsString(body));
    }

    static void send(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static long parseLong(String text, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        return Long.parseLong(text);
    }

    /** Jaeger UI lookbacks: {@code 1h}, {@code 2d}, {@code 30m}; in microseconds; 0 when absent or "custom". */
    private static long parseLookback(String text) {
        if (text == null || text.isEmpty() || text.equals("custom")) {
            return 0;
        }
        if (text.endsWith("d")) {
            return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1))).toNanos() / 1000;
        }
        return parseGoDuration(text);
    }

    /** A Go duration ({@code 1.2s}, {@code 100ms}, {@code 1h30m}) in microseconds; 0 when absent. */
    static long parseGoDuration(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Matcher part = Pattern.compile("([0-9.]+)(ns|us|µs|ms|s|m|h)").matcher(text);
        double micros = 0;
        int consumed = 0;
        while (part.find()) {
            double n = Double.parseDouble(part.group(1));
            micros += switch (part.group(2)) {
                case "ns" -> n / 1000;
                case "us", "µs" -> n;
                case "ms" -> n * 1000;
                case "s" -> n * 1_000_000;
                case "m" -> n * 60_000_000;
                default -> n * 3_600_000_000L;
            };
            consumed += part.group().length();
        }
        if (consumed != text.length()) {
            throw new IllegalArgumentException("malformed duration: " + text);
        }
        return (long) micros;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
