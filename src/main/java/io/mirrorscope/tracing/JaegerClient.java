package io.mirrorscope.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.trace.TraceIds;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Jaeger query API, v1 ({@code /api/...}) first and api_v3 ({@code /api/v3/...}) where v1's search is gone
 * (a plain 404; Jaeger after #9260): services, operations, trace search and trace by id. Failures become one
 * {@link Problem} that says what failed and what to do: the back end unreachable, no answer in time, HTTP 404 /
 * 500, a trace the back end finds too large, a body that is not trace JSON (whatever parsed is kept with a warning).
 */
public final class JaegerClient {

    /** Which API answered. */
    public enum Api { V1, V3 }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOO_LARGE = Pattern.compile(
            "(?i)too large|exceeds? (the )?max|max(imum)?[ _]?(trace[ _])?(size|bytes)|trace_too_large"
                    + "|ResourceExhausted");

    private final JaegerTransport transport;
    private volatile Api api;

    public JaegerClient(JaegerTransport transport) {
        this.transport = transport;
    }

    /** The API in use once one has answered; null before. */
    public Api api() {
        return api;
    }

    /** Where requests go, for messages. */
    public String describe() {
        return transport.describe();
    }

    /** Service names, sorted. */
    public List<String> services() {
        if (api != Api.V3) {
            JaegerTransport.Response r = send("/api/services");
            if (!isPlain404(r)) {
                api = Api.V1;
                return sorted(JaegerJsonReader.readStrings(ok(r, "the service list"), transport.describe()));
            }
            api = Api.V3;
        }
        JaegerTransport.Response r = send("/api/v3/services");
        JsonNode body = tree(ok(r, "the service list"));
        List<String> names = new ArrayList<>();
        body.path("services").forEach(n -> names.add(n.asText()));
        return sorted(names);
    }

    /** Operation names of a service, sorted. */
    public List<String> operations(String service) {
        if (api != Api.V3) {
            JaegerTransport.Response r = send("/api/services/" + pathSegment(service) + "/operations");
            if (!isPlain404(r)) {
                api = Api.V1;
                return sorted(JaegerJsonReader.readStrings(ok(r, "the operations of " + service),
                        transport.describe()));
            }
            api = Api.V3;
        }
        JaegerTransport.Response r = send("/api/v3/operations?service=" + enc(service));
        List<String> names = new ArrayList<>();
        tree(ok(r, "the operations of " + service)).path("operations")
                .forEach(n -> names.add(n.path("name").asText()));
        return sorted(names.stream().distinct().toList());
    }

    /** Traces matching the query; each with all its spans. */
    public ParsedTraces search(TraceQuery q) {
        if (api != Api.V3) {
            JaegerTransport.Response r = send(v1Search(q));
            if (!isPlain404(r)) {
                api = Api.V1;
                return parse(ok(r, "the trace search"), false);
            }
            api = Api.V3;
        }
        return parse(ok(send(v3Search(q)), "the trace search"), true);
    }

    /**
     * One trace by id (hex, 16 or 32 digits).
     *
     * @throws ProblemException NOT_FOUND when the back end does not have it
     */
    public ParsedTraces trace(String traceId) {
        return trace(traceId, 0, 0);
    }

    /**
     * One trace by id, looked up in a time window (epoch microseconds; 0 and 0 for none): back ends that search
     * their storage by time (Tempo, Jaeger on some storages) find a trace faster, or only, inside a window, such
     * as one around a record's timestamp. v1 takes {@code start}/{@code end} microseconds, api_v3
     * {@code start_time}/{@code end_time} RFC 3339.
     *
     * @throws ProblemException NOT_FOUND when the back end does not have it
     */
    public ParsedTraces trace(String traceId, long startMicros, long endMicros) {
        return traceBody(traceId, startMicros, endMicros).parsed();
    }

    /**
     * One trace as the back end sent it and as parsed: the body is kept byte for byte (an incident snapshot stores
     * it so Jaeger's own UI can load it too).
     *
     * @param body   the answer's body
     * @param v3     true when api_v3 answered (OTLP JSON), false for v1 (Jaeger's {@code {"data":[…]}})
     * @param parsed the body parsed
     */
    public record TraceBody(byte[] body, boolean v3, ParsedTraces parsed) {
    }

    /**
     * {@link #trace(String, long, long)} with the body kept.
     *
     * @throws ProblemException NOT_FOUND when the back end does not have it
     */
    public TraceBody traceBody(String traceId, long startMicros, long endMicros) {
        boolean window = startMicros > 0 && endMicros > startMicros;
        String v1Window = window ? "?start=" + startMicros + "&end=" + endMicros : "";
        String v3Window = window ? "?start_time=" + enc(rfc3339(startMicros)) + "&end_time="
                + enc(rfc3339(endMicros)) : "";
        String id;
        try {
            id = TraceIds.normalizeTraceId(traceId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "'" + traceId + "' is not a trace id", "",
                    "give 16 or 32 hex digits"));
        }
        if (api != Api.V3) {
            JaegerTransport.Response r = send("/api/traces/" + id + v1Window);
            if (!isPlain404(r)) {
                notFound(r, id);
                byte[] body = ok(r, "trace " + id);
                ParsedTraces parsed = parse(body, false);
                if (parsed.traces().isEmpty() && parsed.problem() == null) {
                    throw new ProblemException(traceNotFound(id));
                }
                return new TraceBody(body, false, parsed);
            }
        }
        JaegerTransport.Response r = send("/api/v3/traces/" + id + v3Window);
        notFound(r, id);
        byte[] body = ok(r, "trace " + id);
        ParsedTraces parsed = parse(body, true);
        if (parsed.traces().isEmpty() && parsed.problem() == null) {
            throw new ProblemException(traceNotFound(id));
        }
        return new TraceBody(body, true, parsed);
    }

    private void notFound(JaegerTransport.Response r, String id) {
        if (r.status() == 404 && transport.gatewayProblem(r) == null) {
            throw new ProblemException(traceNotFound(id));
        }
    }

    private Problem traceNotFound(String id) {
        return Problem.of(Problem.Kind.NOT_FOUND, "Trace " + id + " not found at " + transport.describe(), "",
                "the trace may be older than the back end keeps traces, or was not sampled");
    }

    private ParsedTraces parse(byte[] body, boolean v3) {
        ParsedTraces parsed = v3 ? OtlpJsonReader.read(body, transport.describe())
                : JaegerJsonReader.read(body, transport.describe());
        if (parsed.problem() != null && parsed.traces().isEmpty()) {
            throw new ProblemException(parsed.problem());
        }
        for (String error : parsed.errors()) {
            if (TOO_LARGE.matcher(error).find()) {
                throw new ProblemException(tooLarge(error));
            }
        }
        return parsed;
    }

    private JaegerTransport.Response send(String pathAndQuery) {
        try {
            return transport.get(pathAndQuery);
        } catch (IOException e) {
            throw new ProblemException(transport.problem(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of(Problem.Kind.INTERNAL, "Interrupted while asking "
                    + transport.describe(), "", ""));
        }
    }

    /** The body of a 200 answer; any other answer becomes its problem. */
    private byte[] ok(JaegerTransport.Response r, String what) {
        if (r.status() == 200) {
            return r.body();
        }
        Problem gateway = transport.gatewayProblem(r);
        if (gateway != null) {
            throw new ProblemException(gateway);
        }
        String message = serverMessage(r);
        if (r.status() == 413 || TOO_LARGE.matcher(message).find()) {
            throw new ProblemException(tooLarge(message));
        }
        String where = transport.describe();
        Problem problem = switch (r.status()) {
            case 401, 403 -> Problem.of(Problem.Kind.FORBIDDEN, "The Jaeger query service at " + where
                    + " refused " + what + " (HTTP " + r.status() + ")", message,
                    "it may sit behind an OAuth proxy: give a bearer token, or go through the Kubernetes API "
                    + "with --backend NAME");
            case 404 -> Problem.of(Problem.Kind.NOT_FOUND, "The Jaeger query service at " + where
                    + " has no " + what + " (HTTP 404)", message,
                    "check that the URL points at Jaeger's query API (port 16686, with its base path if one is set)");
            case 400 -> Problem.of(Problem.Kind.USAGE, "The Jaeger query service at " + where + " rejected "
                    + what + " (HTTP 400)", message, "check the search fields (service, tags, durations)");
            default -> Problem.of(Problem.Kind.CONNECTION, "The Jaeger query service at " + where + " failed to "
                    + "answer " + what + " (HTTP " + r.status() + ")", message,
                    r.status() >= 500 ? "check the query service's log and its storage back end, then try again"
                            : "");
        };
        throw new ProblemException(problem);
    }

    private Problem tooLarge(String message) {
        return Problem.of(Problem.Kind.MALFORMED, "The trace is too large for the back end at "
                + transport.describe() + " to return", message,
                "raise the back end's trace size limit (Tempo: max_bytes_per_trace), or open a smaller trace");
    }

    /** Jaeger's {@code errors[].msg}, api_v3's {@code error.message}, or the body's start. */
    private static String serverMessage(JaegerTransport.Response r) {
        try {
            JsonNode body = JSON.readTree(r.body());
            if (body != null && body.path("errors").isArray() && !body.path("errors").isEmpty()) {
                return body.path("errors").get(0).path("msg").asText();
            }
            if (body != null && body.path("error").has("message")) {
                return body.path("error").path("message").asText();
            }
        } catch (IOException e) {
            // not JSON: the text itself is the message
            return r.snippet();
        }
        return r.snippet();
    }

    /** A 404 that is not Jaeger's JSON envelope: the endpoint itself does not exist (v1 search removed). */
    private boolean isPlain404(JaegerTransport.Response r) {
        if (r.status() != 404 || transport.gatewayProblem(r) != null) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(r.body());
            return body == null || !body.has("errors");
        } catch (IOException e) {
            return true;
        }
    }

    private static JsonNode tree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(Malformed.problem("the Jaeger query service", e, 0));
        }
    }

    static String v1Search(TraceQuery q) {
        StringBuilder url = new StringBuilder("/api/traces?service=").append(enc(q.service()));
        if (q.operation() != null && !q.operation().isBlank()) {
            url.append("&operation=").append(enc(q.operation()));
        }
        if (!q.tags().isEmpty()) {
            try {
                url.append("&tags=").append(enc(JSON.writeValueAsString(new TreeMap<>(q.tags()))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        url.append("&start=").append(q.startMicros()).append("&end=").append(q.endMicros());
        if (q.minDurationMicros() > 0) {
            url.append("&minDuration=").append(q.minDurationMicros()).append("us");
        }
        if (q.maxDurationMicros() > 0) {
            url.append("&maxDuration=").append(q.maxDurationMicros()).append("us");
        }
        return url.append("&limit=").append(q.limit()).toString();
    }

    static String v3Search(TraceQuery q) {
        StringBuilder url = new StringBuilder("/api/v3/traces?query.service_name=").append(enc(q.service()));
        if (q.operation() != null && !q.operation().isBlank()) {
            url.append("&query.operation_name=").append(enc(q.operation()));
        }
        if (!q.tags().isEmpty()) {
            try {
                url.append("&query.attributes=").append(enc(JSON.writeValueAsString(new TreeMap<>(q.tags()))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        url.append("&query.start_time_min=").append(enc(rfc3339(q.startMicros())))
                .append("&query.start_time_max=").append(enc(rfc3339(q.endMicros())));
        if (q.minDurationMicros() > 0) {
            url.append("&query.duration_min=").append(seconds(q.minDurationMicros()));
        }
        if (q.maxDurationMicros() > 0) {
            url.append("&query.duration_max=").append(seconds(q.maxDurationMicros()));
        }
        return url.append("&query.search_depth=").append(q.limit()).toString();
    }

    private static String rfc3339(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
    }

    /** A duration as protobuf's JSON form ("0.000250s"), which Go's ParseDuration also reads. */
    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%06ds", micros / 1_000_000, micros % 1_000_000);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pathSegment(String s) {
        return enc(s).replace("+", "%20");
    }

    private static List<String> sorted(List<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return List.copyOf(list);
    }
}
