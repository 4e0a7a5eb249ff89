package io.mirrorscope.tracing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceBuilder;
import io.mirrorscope.core.trace.TraceIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Jaeger's query JSON (the v1 {@code /api/...} API the Jaeger UI uses) with a streaming parser straight into
 * {@link TraceBuilder}s: no tree of nodes, no objects per span. Accepts the envelope
 * {@code {"data":[trace…],"total","limit","offset","errors"}} and a bare trace object. Spans may carry
 * {@code processID} (with the trace's {@code processes} map) or an embedded {@code process}; tags of every type,
 * int64 values beyond 53 bits as strings; the deprecated {@code parentSpanID}.
 *
 * <p>A body cut short or malformed keeps the traces read so far; the problem says where it stopped.
 */
public final class JaegerJsonReader {

    /** A factory with a codec (for the rare embedded objects read as trees) and no limit on string length. */
    static final JsonFactory FACTORY = new com.fasterxml.jackson.databind.ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build()).getFactory();

    private final List<TraceBuilder> done = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private TraceBuilder current;
    private int expectedSpans;

    private JaegerJsonReader() {
    }

    /** Reads a whole response body; {@code source} names it in messages (a URL). */
    public static ParsedTraces read(byte[] body, String source) {
        JaegerJsonReader reader = new JaegerJsonReader();
        // a span takes 300-700 bytes of JSON: size the span id index once instead of rehashing it ten times
        reader.expectedSpans = body.length / 600;
        Problem problem = null;
        try (JsonParser p = FACTORY.createParser(body)) {
            reader.top(p);
        } catch (IOException | IllegalArgumentException e) {
            problem = Malformed.problem(source, e, reader.spansSoFar());
        }
        return new ParsedTraces(reader.finish(), reader.errors, problem);
    }

    /**
     * Reads a body from a stream (a file, or an HTTP body as it arrives) without holding the whole JSON in memory;
     * the stream is not closed.
     */
    public static ParsedTraces read(java.io.InputStream body, String source) {
        JaegerJsonReader reader = new JaegerJsonReader();
        Problem problem = null;
        try (JsonParser p = FACTORY.createParser(body)) {
            reader.top(p);
        } catch (IOException | IllegalArgumentException e) {
            problem = Malformed.problem(source, e, reader.spansSoFar());
        }
        return new ParsedTraces(reader.finish(), reader.errors, problem);
    }

    /** The list of strings in {@code data} ({@code /api/services}, {@code /api/services/{s}/operations}). */
    public static List<String> readStrings(byte[] body, String source) {
        List<String> names = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            boolean data = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                data |= field.equals("data");
                if (field.equals("data") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() == JsonToken.START_OBJECT) {
                            // /api/operations answers [{name, spanKind}]
                            names.add(((JsonNode) p.readValueAsTree()).path("name").asText());
                        } else {
                            names.add(p.getText());
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!data) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "no 'data' in the answer");
            }
        } catch (IOException e) {
            throw new io.mirrorscope.core.ProblemException(Malformed.problem(source, e, 0));
        }
        return names;
    }

    private int spansSoFar() {
        int n = current == null ? 0 : current.spanCount();
        for (TraceBuilder b : done) {
            n += b.spanCount();
        }
        return n;
    }

    private List<Trace> finish() {
        if (current != null) {
            current.warn("the response was cut short inside this trace; its spans after that point are missing");
            done.add(current);
            current = null;
        }
        List<Trace> traces = new ArrayList<>();
        for (TraceBuilder b : done) {
            if (b.traceId() != null) {
                traces.add(b.build());
            }
        }
        return traces;
    }

    private void top(JsonParser p) throws IOException {
        expect(p, p.nextToken(), JsonToken.START_OBJECT);
        TraceBuilder bare = null;
        boolean jaeger = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            jaeger |= field.equals("data") || field.equals("errors") || field.equals("traceID")
                    || field.equals("spans");
            switch (field) {
                case "data" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            current = new TraceBuilder();
                            current.expectSpans(expectedSpans);
                            expectedSpans = 0;
                            lastRefTraceId = null;
                            lastRefTraceChars = null;
                            traceFields(p, current);
                            done.add(current);
                            current = null;
                        }
                        expect(p, p.currentToken(), JsonToken.END_ARRAY);
                    } else {
                        p.skipChildren();
                    }
                }
                case "errors" -> errors(p, t);
                case "traceID", "spans", "processes", "warnings" -> {
                    // a bare trace object (an element of data[]), as archive files hold it
                    if (bare == null) {
                        bare = new TraceBuilder();
                        current = bare;
                    }
                    traceField(p, field, bare);
                }
                default -> p.skipChildren();
            }
        }
        if (bare != null) {
            done.add(bare);
            current = null;
        }
        if (!jaeger) {
            // valid JSON, but neither an envelope nor a trace: say so rather than show "no traces"
            throw new com.fasterxml.jackson.core.JsonParseException(p, "no 'data' or trace fields in the answer");
        }
    }

    private void errors(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String msg = "";
            String code = "";
            String traceId = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "msg" -> msg = JsonValues.text(p);
                    case "code" -> code = JsonValues.text(p);
                    case "traceID" -> traceId = JsonValues.text(p);
                    default -> p.skipChildren();
                }
            }
            errors.add((code.isEmpty() ? "" : code + " ") + msg + (traceId.isEmpty() ? "" : " (trace " + traceId
                    + ")"));
        }
    }

    private void traceFields(JsonParser p, TraceBuilder b) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            traceField(p, field, b);
        }
    }

    private void traceField(JsonParser p, String field, TraceBuilder b) throws IOException {
        switch (field) {
            case "traceID" -> b.traceId(p.getText());
            case "spans" -> {
                expect(p, p.currentToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    span(p, b);
                }
            }
            case "processes" -> processes(p, b);
            case "warnings" -> warnings(p, b, "");
            default -> p.skipChildren();
        }
    }

    private void span(JsonParser p, TraceBuilder b) throws IOException {
        b.beginSpan();
        long parentSpanId = 0;
        boolean hasReferences = false;
        String spanTraceId = null;
        long spanId = 0;
        boolean spanIdSeen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            // Jackson canonicalizes field names: the switch compares interned strings, no new ones
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "traceID" -> {
                    // every span repeats the trace's id: make a String only while the builder has none
                    if (b.traceId() == null) {
                        spanTraceId = p.getText();
                    }
                }
                case "spanID" -> {
                    spanId = spanId(p, t);
                    spanIdSeen = true;
                    b.spanId(spanId);
                }
                case "operationName" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        b.operation(b.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
                    } else {
                        b.operation(p.getText());
                    }
                }
                case "startTime" -> b.startMicros(JsonValues.longValue(p));
                case "duration" -> b.durationMicros(JsonValues.longValue(p));
                case "processID" -> b.process(b.process(p.getText()));
                case "process" -> embeddedProcess(p, b);
                case "references" -> hasReferences |= references(p, b);
                case "parentSpanID" -> parentSpanId = spanId(p, t);
                case "tags" -> tags(p, b, false);
                case "logs" -> logs(p, b);
                case "warnings" -> warnings(p, b, "span " + (spanIdSeen ? TraceIds.spanIdHex(spanId) : "?") + ": ");
                default -> p.skipChildren();
            }
        }
        if (!hasReferences && parentSpanId != 0) {
            b.reference(true, null, parentSpanId);
        }
        if (b.traceId() == null && spanTraceId != null) {
            b.traceId(spanTraceId);
        }
        b.endSpan();
    }

    /** A span id from the parser's buffer when it is a string (hex, or base64 in the rare archive). */
    private static long spanId(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return TraceIds.parseSpanId(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return TraceIds.parseSpanId(p.getText());
    }

    /** The last reference's trace id: references repeat one id, so it is compared in place and kept once. */
    private String lastRefTraceId;
    private char[] lastRefTraceChars;

    private String refTraceId(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (lastRefTraceChars != null && lastRefTraceChars.length == length
                && java.util.Arrays.equals(lastRefTraceChars, 0, length, chars, offset, offset + length)) {
            return lastRefTraceId;
        }
        lastRefTraceId = new String(chars, offset, length);
        lastRefTraceChars = lastRefTraceId.toCharArray();
        return lastRefTraceId;
    }

    private boolean references(JsonParser p, TraceBuilder b) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return false;
        }
        boolean any = false;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            boolean childOf = true;
            String traceId = null;
            long spanId = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "refType" -> childOf = !(t == JsonToken.VALUE_STRING
                            ? JsonValues.sameIgnoreCase("FOLLOWS_FROM", p.getTextCharacters(), p.getTextOffset(),
                            p.getTextLength())
                            : "FOLLOWS_FROM".equalsIgnoreCase(p.getText()));
                    case "traceID" -> traceId = refTraceId(p, t);
                    case "spanID" -> spanId = spanId(p, t);
                    default -> p.skipChildren();
                }
            }
            b.reference(childOf, traceId, spanId);
            any = true;
        }
        return any;
    }

    /**
     * {@code [{key, type, value}]}; into the span's tags, or (log) into the last log's fields. Keys and values are
     * interned straight from the parser's buffer: a million spans with five tags make no Strings for repeats.
     */
    private static void tags(JsonParser p, TraceBuilder b, boolean logFields) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int key = -1;
            byte type = -1;
            int value = 0;
            boolean valueSeen = false;
            byte inferred = Trace.STRING;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "key" -> key = scalar(p, t, b, false);
                    case "type" -> type = t == JsonToken.VALUE_STRING
                            ? JsonValues.typeOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                            : JsonValues.typeOf(JsonValues.text(p));
                    case "value" -> {
                        inferred = JsonValues.typeOf(t);
                        // an inline integer's id is negative: "seen" is its own flag
                        value = scalar(p, t, b, true);
                        valueSeen = true;
                    }
                    default -> p.skipChildren();
                }
            }
            if (key < 0) {
                key = b.intern(new char[0], 0, 0);
            }
            if (!valueSeen) {
                value = b.intern(new char[0], 0, 0);
            }
            byte kind = type < 0 ? inferred : type;
            if (logFields) {
                b.logField(key, kind, value);
            } else {
                b.tag(key, kind, value);
            }
        }
    }

    /** A scalar's text as an interned id, from the parser's buffer; null is "", a structure its compact JSON. */
    private static int scalar(JsonParser p, JsonToken t, TraceBuilder b, boolean value) throws IOException {
        if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            if (value && t == JsonToken.VALUE_NUMBER_INT) {
                return b.internInteger(chars, offset, length);
            }
            return value ? b.internValue(chars, offset, length) : b.intern(chars, offset, length);
        }
        char[] text = JsonValues.text(p).toCharArray();
        return value ? b.internValue(text, 0, text.length) : b.intern(text, 0, text.length);
    }

    private void logs(JsonParser p, TraceBuilder b) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            boolean started = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("timestamp")) {
                    long ts = JsonValues.longValue(p);
                    if (!started) {
                        b.log(ts);
                        started = true;
                    }
                } else if (f.equals("fields")) {
                    if (!started) {
                        // fields before the timestamp: the log's time stays 0 rather than losing its fields
                        b.log(0);
                        started = true;
                    }
                    tags(p, b, true);
                } else {
                    p.skipChildren();
                }
            }
            if (!started) {
                b.log(0);
            }
        }
    }

    private static void processes(JsonParser p, TraceBuilder b) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = p.currentName();
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            process(p, b, b.process(id));
        }
    }

    private static void embeddedProcess(JsonParser p, TraceBuilder b) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        // the embedded form of archive files: read it first, then name it by its service
        JsonNode node = p.readValueAsTree();
        String service = node.path("serviceName").asText("");
        int index = b.process("embedded:" + service);
        b.defineProcess(index, service);
        for (JsonNode tag : node.path("tags")) {
            b.processTag(index, tag.path("key").asText(), JsonValues.typeOf(tag.path("type").asText(null)),
                    tag.path("value").asText());
        }
        b.process(index);
    }

    private static void process(JsonParser p, TraceBuilder b, int index) throws IOException {
        String service = null;
        List<String[]> tags = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (f.equals("serviceName")) {
                service = JsonValues.text(p);
            } else if (f.equals("tags") && t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String[] tag = {"", null, ""};
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        JsonToken vt = p.nextToken();
                        switch (k) {
                            case "key" -> tag[0] = p.getText();
                            case "type" -> tag[1] = p.getText();
                            case "value" -> {
                                tag[2] = JsonValues.text(p);
                                if (tag[1] == null) {
                                    tag[1] = String.valueOf(JsonValues.typeOf(vt));
                                }
                            }
                            default -> p.skipChildren();
                        }
                    }
                    tags.add(tag);
                }
            } else {
                p.skipChildren();
            }
        }
        b.defineProcess(index, service);
        for (String[] tag : tags) {
            byte type = tag[1] != null && tag[1].length() == 1 && Character.isDigit(tag[1].charAt(0))
                    ? Byte.parseByte(tag[1]) : JsonValues.typeOf(tag[1]);
            b.processTag(index, tag[0], type, tag[2]);
        }
    }

    private static void warnings(JsonParser p, TraceBuilder b, String prefix) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            b.warn(prefix + JsonValues.text(p));
        }
    }

    static void expect(JsonParser p, JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new com.fasterxml.jackson.core.JsonParseException(p,
                    "expected " + wanted.asString() + " but found " + (actual == null ? "the end" : actual.asString()));
        }
    }
}
