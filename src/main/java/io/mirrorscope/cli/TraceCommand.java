package io.mirrorscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.TracingBackend;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.core.trace.CriticalPath;
import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.core.trace.TraceSummary;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.inventory.InventoryReader;
import io.mirrorscope.tracing.JaegerClient;
import io.mirrorscope.tracing.ParsedTraces;
import io.mirrorscope.tracing.TraceQuery;
import io.mirrorscope.tracing.TracingEndpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mirrorscope trace}: one trace by id (or by the trace context in a record's headers) with its summary,
 * critical path and a text timeline; or a search by service, operation, tags, time and duration. The Jaeger query
 * API is reached at {@code --jaeger URL}, or through the Kubernetes API's service proxy to a tracing back-end of
 * the kubeconfig's namespace ({@code --backend NAME} when there are several).
 *
 * <p>Exit 0 with a result; 4 when the trace is not found; 3 when the back end cannot be reached; 1 when its answer
 * was read only in part (what was read is printed, the problem goes to stderr); 2 on bad arguments.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a trace from Jaeger (by id or record headers), or search traces.")
public final class TraceCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE_ID", description = "Trace id (hex).")
    String positionalId;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    What what = new What();

    static final class What {
        @Option(names = "--id", paramLabel = "TRACE_ID", description = "Trace id (16 or 32 hex digits).")
        String id;

        @Option(names = "--record-headers", paramLabel = "NAME=VALUE", split = "\\|",
                description = "A record's trace headers (traceparent, uber-trace-id, b3, X-B3-*); repeatable.")
        List<String> headers;

        @Option(names = "--service", paramLabel = "S", description = "Search traces of this service.")
        String service;
    }

    @Option(names = "--operation", paramLabel = "O", description = "Search: only this operation.")
    String operation;

    @Option(names = "--tags", paramLabel = "K=V", split = ",", description = "Search: tags that must match.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--from", paramLabel = "TIME",
            description = "Search: earliest start (ISO time, epoch ms, or ago: 15m, 2h, 1d; default 1h).")
    String from = "1h";

    @Option(names = {"--to", "--until"}, paramLabel = "TIME", description = "Search: latest start (default now).")
    String to;

    @Option(names = {"--lookback"}, paramLabel = "AGO", description = "Search: same as --from AGO (1h, 2d).")
    String lookback;

    @Option(names = "--min-duration", paramLabel = "D", description = "Search: at least this long (100ms, 1.5s).")
    String minDuration;

    @Option(names = "--max-duration", paramLabel = "D", description = "Search: at most this long.")
    String maxDuration;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Search: traces at most.")
    int limit;

    @Option(names = {"--jaeger", "--jaeger-url"}, paramLabel = "URL",
            description = "Jaeger query API (http://host:16686); default: found through the kubeconfig.")
    String jaegerUrl;

    @Option(names = {"--backend", "--tracing"}, paramLabel = "NAME",
            description = "Tracing back-end (Jaeger or Tempo resource) of the namespace, when there are several.")
    String backend;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Bearer token for --jaeger or a back end's Route (behind an OAuth proxy).")
    Path tokenFile;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "200", description = "Table: spans shown.")
    int maxRows;

    @Option(names = "--ascii", description = "Table: draw bars with ASCII only.")
    boolean ascii;

    /** A client and what must be closed after it. */
    record Connection(JaegerClient client, KubeSession session) implements AutoCloseable {
        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        String id = what.id != null ? what.id : positionalId;
        if (id != null && (what.service != null || what.headers != null)) {
            throw usage("give a trace id, --record-headers or --service, not several");
        }
        if (id == null && what.service == null && what.headers == null) {
            throw usage("give a trace id, --record-headers or --service");
        }
        TraceContext context = null;
        if (what.headers != null) {
            context = fromHeaders(what.headers);
            id = context.traceId();
        }
        TraceQuery query = what.service != null ? query() : null;
        try (Connection connection = connect(this)) {
            PrintWriter out = spec.commandLine().getOut();
            if (query != null) {
                ParsedTraces found = connection.client().search(query);
                printSearch(out, found);
                return finish(found);
            }
            ParsedTraces parsed = connection.client().trace(id);
            Trace trace = parsed.traces().getFirst();
            if (parent.globals().output() == OutputFormat.json) {
                out.println(json(traceJson(trace, parsed, context)));
            } else {
                if (context != null) {
                    out.println("From " + context.source() + ": trace " + context.traceId() + ", span "
                            + context.spanId());
                }
                out.print(TraceTimelineText.render(trace, terminalWidth(), maxRows, !ascii));
            }
            out.flush();
            return finish(parsed);
        }
    }

    /** Prints the problem of a partial answer and returns its exit code; 0 for a whole answer. */
    private int finish(ParsedTraces parsed) {
        if (parsed.problem() == null) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("mirrorscope: " + parsed.problem().oneLine());
        err.flush();
        return parsed.problem().kind().exitCode();
    }

    private void printSearch(PrintWriter out, ParsedTraces found) throws JsonProcessingException {
        List<TraceSummary> summaries = found.traces().stream().map(TraceSummary::of).toList();
        if (parent.globals().output() == OutputFormat.json) {
            List<Map<String, Object>> traces = new ArrayList<>();
            for (TraceSummary s : summaries) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("traceId", s.traceId());
                t.put("spanCount", s.spanCount());
                t.put("services", s.services());
                t.put("startMicros", s.startMicros());
                t.put("durationMicros", s.durationMicros());
                t.put("rootService", s.rootService());
                t.put("rootOperation", s.rootOperation());
                traces.add(t);
            }
            out.println(json(Map.of("traces", traces)));
        } else {
            out.print(TraceTimelineText.searchTable(summaries));
        }
        out.flush();
    }

    static Map<String, Object> traceJson(Trace trace, ParsedTraces parsed, TraceContext context) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("traceId", trace.traceId());
        json.put("spanCount", trace.spanCount());
        json.put("services", trace.services());
        json.put("startMicros", trace.startMicros());
        json.put("durationMicros", trace.durationMicros());
        json.put("roots", trace.roots().stream().map(trace::spanIdHex).toList());
        json.put("orphans", trace.orphans());
        json.put("maxDepth", trace.maxDepth());
        json.put("criticalPath", CriticalPath.spanIds(trace, CriticalPath.jaeger(trace)));
        List<String> warnings = new ArrayList<>(trace.warnings());
        parsed.errors().forEach(e -> warnings.add("back end: " + e));
        if (parsed.problem() != null) {
            warnings.add(parsed.problem().oneLine());
        }
        json.put("warnings", warnings);
        if (context != null) {
            json.put("recordSpanId", context.spanId());
            json.put("contextSource", context.source());
        }
        return json;
    }

    private TraceQuery query() {
        Instant now = Instant.now();
        long start;
        long end;
        long min;
        long max;
        try {
            start = TimeSpec.parse(lookback != null ? lookback : from, now, ZoneId.systemDefault()) * 1000;
            end = to == null ? now.toEpochMilli() * 1000 : TimeSpec.parse(to, now, ZoneId.systemDefault()) * 1000;
            min = minDuration == null ? 0 : GoDuration.parseMicros(minDuration);
            max = maxDuration == null ? 0 : GoDuration.parseMicros(maxDuration);
            return new TraceQuery(what.service, operation, tags, start, end, min, max, limit);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private static TraceContext fromHeaders(List<String> headers) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        for (String h : headers) {
            int eq = h.indexOf('=');
            if (eq <= 0) {
                throw usage("--record-headers takes NAME=VALUE, not '" + h + "'");
            }
            entries.add(Map.entry(h.substring(0, eq).strip(), h.substring(eq + 1).strip()
                    .getBytes(StandardCharsets.UTF_8)));
        }
        TraceContext.Found found = TraceContext.fromHeaders(entries);
        if (!found.present()) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "No trace context in the headers",
                    String.join("; ", found.warnings()), "give traceparent, uber-trace-id, b3 or X-B3-TraceId with "
                    + "X-B3-SpanId"));
        }
        return found.context();
    }

    private static Connection connect(TraceCommand c) {
        if (c.jaegerUrl != null) {
            return new Connection(new JaegerClient(TracingEndpoints.url(c.jaegerUrl, c.token())), null);
        }
        GlobalOptions g = c.parent.globals();
        KubeSession session = KubeSession.open(Kubeconfig.load(g.kubeconfig()), g.context(), g.namespace(),
                KubeSession.Options.cli());
        try {
            Inventory inventory = new InventoryReader(session.client()).read(session.context(),
                    List.of(session.namespace()));
            TracingBackend chosen = TracingEndpoints.choose(inventory.tracing(), c.backend);
            return new Connection(new JaegerClient(TracingEndpoints.forBackend(session, chosen, c.token())), session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private String token() {
        if (tokenFile == null) {
            return null;
        }
        try {
            return Files.readString(tokenFile).strip();
        } catch (IOException e) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Cannot read the token file " + tokenFile,
                    e.getMessage(), ""));
        }
    }

    private static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").strip());
            return Math.max(60, columns);
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    private static String json(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }

    private static ProblemException usage(String message) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE, message, "", "see 'mirrorscope trace --help'"));
    }
}
