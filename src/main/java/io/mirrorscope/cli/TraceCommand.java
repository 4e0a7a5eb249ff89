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
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.trace.CriticalPath;
import io.mirrorscope.core.trace.EndToEndPath;
import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.StitchedTrace;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.core.trace.TraceIds;
import io.mirrorscope.core.trace.TraceSummary;
import io.mirrorscope.kafka.BrokerProbe;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.TopicReader;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
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
 * <p>{@code --record CLUSTER/TOPIC/PARTITION/OFFSET} reads that record and opens its trace with the end-to-end path
 * across Kafka hops; {@code --stitch CLUSTER/TOPIC} adds the copy's trace where the mirror split the trace.
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

        @Option(names = "--record", paramLabel = "CLUSTER/TOPIC/PARTITION/OFFSET",
                description = "Read this record (Strimzi Kafka resource of the namespace; read-only) and open the "
                        + "trace of its headers, with its end-to-end path across Kafka hops.")
        String record;
    }

    @Option(names = "--stitch", paramLabel = "CLUSTER/TOPIC",
            description = "With --record: find the record's copy in this target topic (same partition, same "
                    + "timestamp, same key and value) and stitch the copy's trace to the record's.")
    String stitch;

    @Option(names = "--window", paramLabel = "D", defaultValue = "1h",
            description = "With --record: look the trace up this long before and after the record's timestamp.")
    String window;

    @Option(names = "--user", paramLabel = "KAFKAUSER",
            description = "With --record: KafkaUser to act as (default: one whose ACLs allow reading the topic).")
    String user;

    @Option(names = "--listener", paramLabel = "NAME", description = "With --record: listener to use.")
    String listener;

    @Option(names = "--tunnel", paramLabel = "MODE", defaultValue = "auto",
            description = "With --record: port-forward brokers through the Kubernetes API: auto, always, never.")
    String tunnel;

    @Option(names = "--scan", paramLabel = "N", defaultValue = "10000",
            description = "With --stitch: records of the target partition read at most to find the copy.")
    int scan;

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
        if (what.record != null) {
            if (id != null) {
                throw usage("give a trace id or --record, not both");
            }
            return new RecordTrace(this).run();
        }
        if (stitch != null) {
            throw usage("--stitch goes with --record");
        }
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
    int finish(ParsedTraces parsed) {
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

    static Connection connect(TraceCommand c) {
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

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    int width() {
        return terminalWidth();
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

    static String json(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }

    static ProblemException usage(String message) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE, message, "", "see 'mirrorscope trace --help'"));
    }

    /**
     * {@code --record}: reads one record read-only (assign and seek, no group id), opens the trace of its headers in
     * a window around its timestamp, and prints its end-to-end path; with {@code --stitch} also the copy's trace,
     * stitched through the pair. Exit 4 when the record, its trace context or its trace is not found.
     */
    static final class RecordTrace {
        private final TraceCommand c;

        RecordTrace(TraceCommand c) {
            this.c = c;
        }

        /** CLUSTER/TOPIC/PARTITION/OFFSET (Kafka topic names hold no '/'). */
        record Ref(String cluster, String topic, int partition, long offset) {
            static Ref parse(String text) {
                String[] parts = text.split("/", -1);
                try {
                    if (parts.length == 4 && !parts[0].isBlank() && !parts[1].isBlank()) {
                        int partition = Integer.parseInt(parts[2]);
                        long offset = Long.parseLong(parts[3]);
                        if (partition >= 0 && offset >= 0) {
                            return new Ref(parts[0], parts[1], partition, offset);
                        }
                    }
                } catch (NumberFormatException e) {
                    // falls through to the usage error
                }
                throw usage("--record takes CLUSTER/TOPIC/PARTITION/OFFSET, not '" + text + "'");
            }

            @Override
            public String toString() {
                return cluster + "/" + topic + "/" + partition + "/" + offset;
            }
        }

        int run() throws Exception {
            Ref ref = Ref.parse(c.what.record);
            String[] stitchTarget = null;
            if (c.stitch != null) {
                stitchTarget = c.stitch.split("/", -1);
                if (stitchTarget.length != 2 || stitchTarget[0].isBlank() || stitchTarget[1].isBlank()) {
                    throw usage("--stitch takes CLUSTER/TOPIC, not '" + c.stitch + "'");
                }
            }
            long windowMicros;
            try {
                windowMicros = GoDuration.parseMicros(c.window);
            } catch (IllegalArgumentException e) {
                throw usage("--window: " + e.getMessage());
            }
            ClusterAccess.TunnelMode tunnelMode;
            try {
                tunnelMode = ClusterAccess.TunnelMode.valueOf(c.tunnel.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw usage("--tunnel is auto, always or never, not '" + c.tunnel + "'");
            }
            GlobalOptions g = c.parent.globals();
            RawRecord record;
            RawRecord copy = null;
            List<String> notes = new ArrayList<>();
            try (KubeSession session = Sessions.open(g)) {
                String namespace = session.namespace() != null ? session.namespace() : "default";
                try (ClusterAccess.Connection kafka = ClusterAccess.open(session.client(), new ClusterAccess.Target(
                        namespace, ref.cluster(), ref.topic(), c.user, c.listener, tunnelMode))) {
                    record = readOne(kafka.settings(), ref.topic(), ref.partition(), ref.offset());
                }
                if (record == null) {
                    throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Record " + ref + " not found",
                            "the offset is outside the partition, or was compacted or deleted",
                            "check the offset with 'mirrorscope records --cluster " + ref.cluster() + " --topic "
                                    + ref.topic() + "'"));
                }
                if (stitchTarget != null) {
                    try (ClusterAccess.Connection kafka = ClusterAccess.open(session.client(),
                            new ClusterAccess.Target(namespace, stitchTarget[0], stitchTarget[1], c.user, c.listener,
                                    tunnelMode))) {
                        copy = findCopy(kafka.settings(), stitchTarget[1], record, c.scan);
                    }
                    if (copy == null) {
                        notes.add("no copy of " + ref + " in " + c.stitch + " partition " + record.partition()
                                + " (same timestamp, key and value) within " + c.scan + " records");
                    }
                }
            }
            TraceContext.Found found = TraceContext.fromRecord(record);
            if (!found.present()) {
                throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Record " + ref
                        + " carries no trace context", String.join("; ", found.warnings()),
                        "the producer does not propagate traceparent, uber-trace-id or b3 headers"));
            }
            TraceContext context = found.context();
            TraceContext copyContext = null;
            if (copy != null) {
                TraceContext.Found f = TraceContext.fromRecord(copy);
                copyContext = f.present() ? f.context() : null;
                if (copyContext == null) {
                    notes.add("the copy (offset " + copy.offset() + ") carries no trace context");
                }
            }
            long micros = record.timestamp() * 1000;
            try (Connection connection = connect(c)) {
                ParsedTraces parsed = connection.client().trace(context.traceId(), micros - windowMicros,
                        micros + windowMicros);
                Trace trace = parsed.traces().getFirst();
                List<Trace> traces = new ArrayList<>(List.of(trace));
                if (copyContext != null && !TraceIds.sameTrace(copyContext.traceId(), trace.traceId())) {
                    long copyMicros = copy.timestamp() * 1000;
                    try {
                        traces.add(connection.client().trace(copyContext.traceId(), copyMicros - windowMicros,
                                copyMicros + windowMicros).traces().getFirst());
                    } catch (ProblemException e) {
                        notes.add("the copy's trace: " + e.problem().oneLine());
                    }
                }
                StitchedTrace view = StitchedTrace.of(traces, new StitchedTrace.Pair(ref.topic(),
                        record.partition(), record.offset(), TraceIds.parseSpanId(context.spanId()),
                        copy == null ? null : c.stitch.split("/")[1], copy == null ? -1 : copy.partition(),
                        copy == null ? -1 : copy.offset(),
                        copyContext == null ? 0 : TraceIds.parseSpanId(copyContext.spanId())));
                print(ref, record, copy, context, trace, parsed, view, notes);
                return c.finish(parsed);
            }
        }

        private void print(Ref ref, RawRecord record, RawRecord copy, TraceContext context, Trace trace,
                           ParsedTraces parsed, StitchedTrace view, List<String> notes) throws Exception {
            PrintWriter out = c.out();
            EndToEndPath path = view.path();
            if (c.parent.globals().output() == OutputFormat.json) {
                Map<String, Object> json = traceJson(trace, parsed, context);
                @SuppressWarnings("unchecked")
                List<String> warnings = (List<String>) json.get("warnings");
                warnings.addAll(path.warnings());
                warnings.addAll(notes);
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("cluster", ref.cluster());
                rec.put("topic", ref.topic());
                rec.put("partition", record.partition());
                rec.put("offset", record.offset());
                rec.put("timestampMillis", record.timestamp());
                json.put("record", rec);
                json.put("endToEndPath", segmentsJson(path));
                json.put("replicationDelayMicros", path.replicationDelayMicros());
                if (c.stitch != null) {
                    json.put("stitched", stitchedJson(view, copy));
                }
                out.println(json(json));
            } else {
                out.println("Record " + ref + " at " + Instant.ofEpochMilli(record.timestamp()) + ": trace "
                        + context.traceId() + " (" + context.source() + "), span " + context.spanId());
                out.print(TraceTimelineText.render(trace, c.width(), c.maxRows, !c.ascii));
                out.println();
                out.print(pathTable(path));
                if (c.stitch != null) {
                    out.println();
                    out.print(stitchedTable(view, copy));
                }
                PrintWriter err = c.err();
                path.warnings().forEach(w -> err.println("mirrorscope: " + w));
                notes.forEach(w -> err.println("mirrorscope: " + w));
                err.flush();
            }
            out.flush();
        }

        static List<Map<String, Object>> segmentsJson(EndToEndPath path) {
            List<Map<String, Object>> segments = new ArrayList<>();
            for (EndToEndPath.Segment s : path.segments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("segment", s.segment());
                m.put("fromSpan", path.spanIdHex(s.from()));
                m.put("toSpan", path.spanIdHex(s.to()));
                m.put("durationMicros", s.durationMicros());
                m.put("startMicros", s.startMicros());
                m.put("fromTrace", path.traces().get(s.from().trace()).traceId());
                m.put("toTrace", path.traces().get(s.to().trace()).traceId());
                segments.add(m);
            }
            return segments;
        }

        static Map<String, Object> stitchedJson(StitchedTrace view, RawRecord copy) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("traces", view.traces().stream().map(Trace::traceId).toList());
            m.put("split", view.split());
            if (copy != null) {
                m.put("copy", Map.of("partition", copy.partition(), "offset", copy.offset(), "timestampMillis",
                        copy.timestamp()));
            }
            m.put("replicationDelayMicros", view.replicationDelayMicros());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StitchedTrace.Row r : view.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                Trace t = view.traces().get(r.trace());
                row.put("traceId", t.traceId());
                row.put("spanId", t.spanIdHex(r.span()));
                row.put("service", r.service());
                row.put("operation", r.operation());
                row.put("kind", r.kind().name());
                row.put("depth", r.depth());
                row.put("startMicros", r.startMicros());
                row.put("durationMicros", r.endMicros() - r.startMicros());
                row.put("hop", r.hop() == null ? null : r.hop().name());
                rows.add(row);
            }
            m.put("rows", rows);
            return m;
        }

        static String pathTable(EndToEndPath path) {
            StringBuilder b = new StringBuilder("End-to-end path\n");
            b.append(String.format("%-22s %-17s %-17s %14s%n", "SEGMENT", "FROM SPAN", "TO SPAN", "DURATION"));
            for (EndToEndPath.Segment s : path.segments()) {
                b.append(String.format("%-22s %-17s %-17s %14s%n", s.segment(), path.spanIdHex(s.from()),
                        path.spanIdHex(s.to()), GoDuration.format(s.durationMicros())));
            }
            if (path.replicationDelayMicros() >= 0) {
                b.append("Replication delay (trace spans): ")
                        .append(GoDuration.format(path.replicationDelayMicros())).append('\n');
            }
            return b.toString();
        }

        static String stitchedTable(StitchedTrace view, RawRecord copy) {
            StringBuilder b = new StringBuilder("Stitched view");
            if (copy != null) {
                b.append(" (copy: partition ").append(copy.partition()).append(" offset ").append(copy.offset())
                        .append(')');
            }
            b.append(view.split() ? ": the mirror split the trace\n" : ": one trace\n");
            long t0 = view.startMicros();
            for (StitchedTrace.Row r : view.rows()) {
                Trace t = view.traces().get(r.trace());
                String hop = r.hop() == null ? ""
                        : "  [" + r.hop().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]";
                b.append(String.format("%-8s %s %s%s: %s  +%s %s%s%n", t.traceId().substring(0, 8),
                        t.spanIdHex(r.span()), "  ".repeat(Math.max(0, r.depth())), r.service(), r.operation(),
                        GoDuration.format(r.startMicros() - t0), GoDuration.format(r.endMicros() - r.startMicros()),
                        hop));
            }
            return b.toString();
        }

        /** The record at {@code offset}, or null when the partition holds no record there. */
        private RawRecord readOne(ConnectionSettings settings, String topic, int partition, long offset) {
            Duration timeout = Duration.ofSeconds(30);
            BrokerProbe.requireReachable(settings, Duration.ofSeconds(10));
            try (Consumer<byte[], byte[]> consumer = ReadOnlyClients.consumer(settings,
                    ConsumerOptions.DEFAULTS.withApiTimeout(timeout))) {
                TopicPartition tp = new TopicPartition(topic, partition);
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
                if (partitions == null || partitions.stream().noneMatch(p -> p.partition() == partition)) {
                    return null;
                }
                consumer.assign(List.of(tp));
                long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
                long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
                if (offset < begin || offset >= end) {
                    return null;
                }
                consumer.seek(tp, offset);
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline && consumer.position(tp, timeout) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() >= offset) {
                            // a higher offset: the one asked for is a transaction marker or was compacted away
                            return r.offset() == offset ? TopicReader.toRaw(r) : null;
                        }
                    }
                }
                return null;
            }
        }

        /**
         * The copy of {@code source} in the target topic: MirrorMaker 2 keeps the partition and the timestamp, so
         * the copy is at or after the target partition's offset for that timestamp, with the same key and value.
         */
        private static RawRecord findCopy(ConnectionSettings settings, String topic, RawRecord source, int scan) {
            Duration timeout = Duration.ofSeconds(30);
            BrokerProbe.requireReachable(settings, Duration.ofSeconds(10));
            try (Consumer<byte[], byte[]> consumer = ReadOnlyClients.consumer(settings,
                    ConsumerOptions.DEFAULTS.withApiTimeout(timeout))) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
                if (partitions == null || partitions.stream().noneMatch(p -> p.partition() == source.partition())) {
                    return null;
                }
                TopicPartition tp = new TopicPartition(topic, source.partition());
                consumer.assign(List.of(tp));
                OffsetAndTimestamp at = consumer.offsetsForTimes(Map.of(tp, source.timestamp()), timeout).get(tp);
                if (at == null) {
                    return null;
                }
                long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
                consumer.seek(tp, at.offset());
                int read = 0;
                long deadline = System.nanoTime() + timeout.toNanos();
                while (read < scan && System.nanoTime() < deadline && consumer.position(tp, timeout) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        read++;
                        if (r.timestamp() == source.timestamp() && Arrays.equals(r.key(), source.key())
                                && Arrays.equals(r.value(), source.value())) {
                            return TopicReader.toRaw(r);
                        }
                        if (r.timestamp() > source.timestamp() + 60_000 || read >= scan) {
                            return null;
                        }
                    }
                }
                return null;
            }
        }
    }
}
