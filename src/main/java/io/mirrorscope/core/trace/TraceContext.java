package io.mirrorscope.core.trace;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trace context carried in a record's headers: W3C {@code traceparent}, Jaeger's {@code uber-trace-id} (also
 * URL-encoded; 64- or 128-bit trace ids), B3 single ({@code b3}) and multi ({@code X-B3-TraceId},
 * {@code X-B3-SpanId}, ...). Ids are lower-case hex; a 64-bit trace id keeps 16 digits.
 *
 * @param traceId  the trace id
 * @param spanId   the id of the span that sent the record (16 hex digits)
 * @param sampled  the sampling decision, null when the header does not say
 * @param source   the header the context came from
 */
public record TraceContext(String traceId, String spanId, Boolean sampled, String source) {

    /** The context found in a record's headers, and why other trace headers were not used. */
    public record Found(TraceContext context, List<String> warnings) {
        /** True when a context was found. */
        public boolean present() {
            return context != null;
        }
    }

    /** The context in a record's headers (the topic browser's "Open trace"). */
    public static Found fromRecord(io.mirrorscope.core.records.RawRecord record) {
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        for (io.mirrorscope.core.records.RawRecord.Header h : record.headers()) {
            if (h.value() != null) {
                headers.add(Map.entry(h.name(), h.value()));
            }
        }
        return fromHeaders(headers);
    }

    /** Header names in the order they are tried. */
    private static final List<String> ORDER = List.of("traceparent", "uber-trace-id", "b3", "x-b3-traceid");

    /**
     * The first usable context among {@code headers} (name → raw bytes; names compared without case), trying
     * {@code traceparent}, then {@code uber-trace-id}, then {@code b3}, then the {@code X-B3-*} headers. A
     * malformed value is skipped with a warning.
     */
    public static Found fromHeaders(List<Map.Entry<String, byte[]>> headers) {
        Map<String, String> byName = new HashMap<>();
        for (Map.Entry<String, byte[]> h : headers) {
            if (h.getValue() != null) {
                // the last value of a repeated header wins, as Kafka's Headers.lastHeader does
                byName.put(h.getKey().toLowerCase(Locale.ROOT), new String(h.getValue(), StandardCharsets.UTF_8));
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String name : ORDER) {
            String value = byName.get(name);
            if (value == null) {
                continue;
            }
            try {
                TraceContext context = name.equals("x-b3-traceid")
                        ? b3Multi(value, byName.get("x-b3-spanid"), byName.get("x-b3-sampled"),
                        byName.get("x-b3-flags"))
                        : parse(name, value);
                if (context != null) {
                    return new Found(context, List.copyOf(warnings));
                }
            } catch (IllegalArgumentException e) {
                warnings.add(name + ": " + e.getMessage());
            }
        }
        return new Found(null, List.copyOf(warnings));
    }

    /**
     * Parses one header value; null when the header is valid but carries no ids (a B3 sampling-only value).
     *
     * @throws IllegalArgumentException when the value is malformed, saying why
     */
    public static TraceContext parse(String headerName, String value) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "traceparent" -> traceparent(value);
            case "uber-trace-id" -> uber(value);
            case "b3" -> b3Single(value);
            default -> throw new IllegalArgumentException("not a trace-context header: " + headerName);
        };
    }

    static TraceContext traceparent(String value) {
        String v = value.trim();
        String[] parts = v.split("-", -1);
        if (parts.length < 4) {
            throw new IllegalArgumentException("expected version-traceid-spanid-flags, got '" + value + "'");
        }
        String version = parts[0];
        if (!hex(version, 2) || version.equalsIgnoreCase("ff")) {
            throw new IllegalArgumentException("bad version '" + version + "'");
        }
        if (version.equals("00") && parts.length != 4) {
            throw new IllegalArgumentException("version 00 has exactly four fields");
        }
        String traceId = parts[1];
        String spanId = parts[2];
        String flags = parts[3];
        if (!hex(traceId, 32) || zero(traceId)) {
            throw new IllegalArgumentException("trace id must be 32 hex digits, not all zero");
        }
        if (!hex(spanId, 16) || zero(spanId)) {
            throw new IllegalArgumentException("parent id must be 16 hex digits, not all zero");
        }
        if (!hex(flags, 2)) {
            throw new IllegalArgumentException("flags must be 2 hex digits");
        }
        boolean sampled = (Integer.parseInt(flags, 16) & 1) == 1;
        return new TraceContext(lower(traceId), lower(spanId), sampled, "traceparent");
    }

    static TraceContext uber(String value) {
        String v = value.trim();
        if (v.contains("%")) {
            v = URLDecoder.decode(v, StandardCharsets.UTF_8);
        }
        String[] parts = v.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected traceid:spanid:parentid:flags, got '" + value + "'");
        }
        String traceId = parts[0];
        if (!TraceIds.isHex(traceId, 32) || zero(traceId)) {
            throw new IllegalArgumentException("trace id must be 1 to 32 hex digits, not zero");
        }
        if (!TraceIds.isHex(parts[1], 16) || zero(parts[1])) {
            throw new IllegalArgumentException("span id must be 1 to 16 hex digits, not zero");
        }
        if (!TraceIds.isHex(parts[2], 16)) {
            throw new IllegalArgumentException("parent id must be hex (0 when none)");
        }
        if (!TraceIds.isHex(parts[3], 2)) {
            throw new IllegalArgumentException("flags must be hex");
        }
        boolean sampled = (Integer.parseInt(parts[3], 16) & 1) == 1;
        return new TraceContext(pad(traceId, traceId.length() <= 16 ? 16 : 32), pad(parts[1], 16), sampled,
                "uber-trace-id");
    }

    static TraceContext b3Single(String value) {
        String v = value.trim();
        if (v.equals("0") || v.equals("1") || v.equalsIgnoreCase("d")) {
            return null;
        }
        String[] parts = v.split("-", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("expected traceid-spanid[-sampled[-parentid]], got '" + value + "'");
        }
        Boolean sampled = null;
        if (parts.length >= 3) {
            sampled = switch (parts[2]) {
                case "1", "d" -> true;
                case "0" -> false;
                default -> throw new IllegalArgumentException("sampling state must be 0, 1 or d");
            };
        }
        if (parts.length == 4 && !hex(parts[3], 16)) {
            throw new IllegalArgumentException("parent span id must be 16 hex digits");
        }
        return b3Ids(parts[0], parts[1], sampled, "b3");
    }

    static TraceContext b3Multi(String traceId, String spanId, String sampledHeader, String flags) {
        if (spanId == null) {
            throw new IllegalArgumentException("X-B3-TraceId without X-B3-SpanId");
        }
        Boolean sampled = null;
        if ("1".equals(flags)) {
            sampled = true;
        } else if (sampledHeader != null) {
            String s = sampledHeader.trim().toLowerCase(Locale.ROOT);
            sampled = s.equals("1") || s.equals("true");
        }
        return b3Ids(traceId.trim(), spanId.trim(), sampled, "X-B3-*");
    }

    private static TraceContext b3Ids(String traceId, String spanId, Boolean sampled, String source) {
        if (!(hex(traceId, 16) || hex(traceId, 32)) || zero(traceId)) {
            throw new IllegalArgumentException("trace id must be 16 or 32 hex digits, not all zero");
        }
        if (!hex(spanId, 16) || zero(spanId)) {
            throw new IllegalArgumentException("span id must be 16 hex digits, not all zero");
        }
        return new TraceContext(lower(traceId), lower(spanId), sampled, source);
    }

    private static boolean hex(String s, int digits) {
        return s.length() == digits && TraceIds.isHex(s, digits);
    }

    private static boolean zero(String s) {
        return s.chars().allMatch(c -> c == '0');
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String pad(String s, int width) {
        return "0".repeat(Math.max(0, width - s.length())) + lower(s);
    }
}
