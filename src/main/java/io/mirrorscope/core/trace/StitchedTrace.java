package io.mirrorscope.core.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replication view of one record as one timeline: producer send → mirror consume → mirror produce → consumer
 * receive, with the time in and between hops. Where the mirror starts a new trace for what it produces (stock
 * OpenTelemetry Kafka interceptors in MirrorMaker 2 overwrite the copy's {@code traceparent}), the link exists only
 * in the data: the side-by-side pairing ({@link Pair}) names the source record and its copy, and their producer
 * spans join the source record's trace and the copy's trace. With one trace per record the two are the same trace
 * and the view is that trace's {@link EndToEndPath}.
 *
 * <p>For drawing: {@link #rows()} lists every span of every trace, trace blocks in path order (the source record's
 * trace first), each block depth-first like a single trace; a row on the path carries its {@link EndToEndPath.Role}.
 * {@link #path()} gives the segments to draw between rows. Pure: no I/O.
 */
public final class StitchedTrace {

    /**
     * A matched pair of the side-by-side view as plain numbers (core/trace does not depend on core/mirror).
     *
     * @param sourceSpanId the span id in the source record's trace-context header, 0 when unknown
     * @param targetSpanId the span id in the copy's trace-context header, 0 when unknown
     */
    public record Pair(String sourceTopic, int sourcePartition, long sourceOffset, long sourceSpanId,
                       String targetTopic, int targetPartition, long targetOffset, long targetSpanId) {

        /** A pair by coordinates only. */
        public static Pair of(String sourceTopic, int sourcePartition, long sourceOffset, String targetTopic,
                              int targetPartition, long targetOffset) {
            return new Pair(sourceTopic, sourcePartition, sourceOffset, 0, targetTopic, targetPartition,
                    targetOffset, 0);
        }

        EndToEndPath.RecordKey source() {
            return new EndToEndPath.RecordKey(sourceTopic, sourcePartition, sourceOffset, sourceSpanId);
        }

        EndToEndPath.RecordKey target() {
            return new EndToEndPath.RecordKey(targetTopic, targetPartition, targetOffset, targetSpanId);
        }
    }

    /**
     * One span of the stitched timeline.
     *
     * @param trace index into {@link #traces()}
     * @param depth 0 for a root of its trace (as {@link Trace#depth(int)})
     * @param hop   the span's role on the path, or null
     */
    public record Row(int trace, int span, int depth, long startMicros, long endMicros, String service,
                      String operation, SpanKind kind, EndToEndPath.Role hop) {
    }

    private final List<Trace> traces;
    private final EndToEndPath path;
    private final List<Row> rows;

    private StitchedTrace(List<Trace> traces, EndToEndPath path, List<Row> rows) {
        this.traces = traces;
        this.path = path;
        this.rows = rows;
    }

    /** Stitches the source record's trace and its copy's trace (the same trace is taken once). */
    public static StitchedTrace of(Trace source, Trace target, Pair pair) {
        return of(List.of(source, target), pair);
    }

    /**
     * Stitches {@code traces} (the source record's trace first; more traces, such as the mirror's own consume
     * trace, may follow). Traces with the same id are taken once.
     */
    public static StitchedTrace of(List<Trace> traces, Pair pair) {
        Map<String, Trace> byId = new LinkedHashMap<>();
        for (Trace t : traces) {
            byId.putIfAbsent(t.traceId(), t);
        }
        List<Trace> unique = List.copyOf(byId.values());
        EndToEndPath path = EndToEndPath.of(unique, pair == null ? null : pair.source(),
                pair == null ? null : pair.target());
        return new StitchedTrace(unique, path, rows(unique, path));
    }

    private static List<Row> rows(List<Trace> traces, EndToEndPath path) {
        List<Integer> order = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (EndToEndPath.Hop h : path.hops()) {
            if (seen.add(h.trace())) {
                order.add(h.trace());
            }
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            if (!seen.contains(i)) {
                rest.add(i);
            }
        }
        rest.sort((a, b) -> Long.compare(traces.get(a).startMicros(), traces.get(b).startMicros()));
        order.addAll(rest);
        List<Row> rows = new ArrayList<>();
        for (int ti : order) {
            Trace t = traces.get(ti);
            EndToEndPath.Role[] roles = new EndToEndPath.Role[t.size()];
            for (EndToEndPath.Hop h : path.hops()) {
                if (h.trace() == ti) {
                    roles[h.span()] = h.role();
                }
            }
            for (int i = 0; i < t.size(); i++) {
                int s = t.preorderAt(i);
                rows.add(new Row(ti, s, t.depth(s), t.start(s), t.end(s), t.service(s), t.operation(s), t.kind(s),
                        roles[s]));
            }
        }
        return List.copyOf(rows);
    }

    /** The traces taken part, without duplicates; {@link Row#trace()} indexes this list. */
    public List<Trace> traces() {
        return traces;
    }

    /** The hops and segments across the traces. */
    public EndToEndPath path() {
        return path;
    }

    public List<Row> rows() {
        return rows;
    }

    /** True when the path runs through more than one trace (the mirror split the record's trace). */
    public boolean split() {
        return path.hops().stream().mapToInt(EndToEndPath.Hop::trace).distinct().count() > 1;
    }

    /** Earliest span start of all traces, epoch microseconds. */
    public long startMicros() {
        return traces.stream().mapToLong(Trace::startMicros).min().orElse(0);
    }

    /** Latest span end of all traces. */
    public long endMicros() {
        return traces.stream().mapToLong(Trace::endMicros).max().orElse(0);
    }

    /** The pair's delay from the spans ({@link EndToEndPath#replicationDelayMicros()}); -1 when not reached. */
    public long replicationDelayMicros() {
        return path.replicationDelayMicros();
    }

    /**
     * Every trace as one {@link Trace} for the timeline, named by the first trace's id: each trace keeps its tree and
     * its roots are top-level spans, except that a span linked (FOLLOWS_FROM) into another of the stitched traces hangs
     * under the span it links to, as one trace per record would show it; tags, logs and processes copied. A span id
     * found in two traces is taken once (the builder warns). Locate a hop's span in it with {@link #mergedSpan}.
     */
    public Trace merged() {
        TraceBuilder b = new TraceBuilder(traces.getFirst().traceId());
        Set<String> ids = new HashSet<>();
        traces.forEach(t -> ids.add(t.traceId()));
        for (int ti = 0; ti < traces.size(); ti++) {
            Trace t = traces.get(ti);
            int[] processOf = new int[t.processService.length];
            Arrays.fill(processOf, -1);
            for (int s = 0; s < t.spanCount(); s++) {
                int p = t.process[s];
                if (processOf[p] < 0) {
                    // defined before the span starts: process tags and log fields share one store
                    processOf[p] = b.process(ti + "/" + p);
                    b.defineProcess(processOf[p], t.service(s));
                    for (Trace.Tag tag : t.processTags(s)) {
                        b.processTag(processOf[p], tag.key(), type(tag.type()), tag.value());
                    }
                }
                copySpan(t, s, b, processOf[p], ids);
            }
        }
        return b.build();
    }

    private static void copySpan(Trace t, int s, TraceBuilder b, int process, Set<String> stitched) {
        b.beginSpan();
        b.spanId(t.spanId(s));
        b.operation(t.operation(s));
        b.startMicros(t.start(s));
        b.durationMicros(t.duration(s));
        b.process(process);
        if (t.has(s, Trace.ERROR)) {
            b.error();
        }
        for (Trace.Tag tag : t.tags(s)) {
            b.tag(tag.key(), type(tag.type()), tag.value());
        }
        b.kind(t.kind(s));
        for (Trace.Log log : t.logs(s)) {
            b.log(log.timestampMicros());
            for (Trace.Tag f : log.fields()) {
                b.logField(f.key(), type(f.type()), f.value());
            }
        }
        int parent = t.parent(s);
        if (parent >= 0 && !t.has(parent, Trace.SYNTHETIC)) {
            b.reference(!t.has(s, Trace.FOLLOWS_FROM), null, t.spanId(parent));
        } else {
            // a root, an orphan, or a span linked into another trace: a reference into a stitched trace now points
            // into the merged one; others stay as sent
            for (Trace.Reference r : t.references(s)) {
                String into = r.traceId() == null ? null : TraceIds.normalizeTraceId(r.traceId());
                b.reference(r.type().equals("CHILD_OF"), into != null && stitched.contains(into) ? null : r.traceId(),
                        TraceIds.parseSpanId(r.spanId()));
            }
        }
        b.endSpan();
    }

    private static byte type(String name) {
        return switch (name) {
            case "bool" -> Trace.BOOL;
            case "int64" -> Trace.INT64;
            case "float64" -> Trace.FLOAT64;
            case "binary" -> Trace.BINARY;
            default -> Trace.STRING;
        };
    }

    /** The index in {@code merged} (from {@link #merged()}) of a hop's span, or -1. */
    public int mergedSpan(Trace merged, EndToEndPath.Hop hop) {
        return merged.indexOf(traces.get(hop.trace()).spanId(hop.span()));
    }

    /** The rows' trace indexes in order, for a quick look at the block order. */
    int[] traceOrder() {
        return rows.stream().mapToInt(Row::trace).distinct().toArray();
    }

    @Override
    public String toString() {
        return "StitchedTrace" + Arrays.toString(traceOrder()) + " " + path.segments();
    }
}
