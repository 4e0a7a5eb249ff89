package io.mirrorscope.ui.traces;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.CriticalPath;
import io.mirrorscope.core.trace.EndToEndPath;
import io.mirrorscope.core.trace.StitchedTrace;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.core.trace.TraceFind;
import io.mirrorscope.ui.controls.TraceTimeline;
import java.util.ArrayList;
import java.util.List;
import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceSummary;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.tracing.JaegerClient;
import io.mirrorscope.tracing.TraceQuery;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemSlot;
import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the traces view: the search form, the results (sortable summaries, a note when there are none), the
 * open trace with its critical path and its end-to-end path across Kafka hops (or a stitched pair of traces),
 * find-in-trace, the selected span's details as a grid, and the problem of the last request. Requests run through
 * {@link BackgroundWork}; results arrive on the FX thread. The client is set by whoever chose the back end.
 */
public final class TracesViewModel {

    private final BackgroundWork work;
    private final ObjectProperty<JaegerClient> client = new SimpleObjectProperty<>(this, "client");
    private final StringProperty service = new SimpleStringProperty(this, "service", "");
    private final StringProperty operation = new SimpleStringProperty(this, "operation", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final StringProperty lookback = new SimpleStringProperty(this, "lookback", "1h");
    private final StringProperty minDuration = new SimpleStringProperty(this, "minDuration", "");
    private final StringProperty maxDuration = new SimpleStringProperty(this, "maxDuration", "");
    private final StringProperty limit = new SimpleStringProperty(this, "limit", "20");
    private final ObservableList<String> services = FXCollections.observableArrayList();
    private final ObservableList<String> operations = FXCollections.observableArrayList();
    private final ObservableList<TraceSummary> results = FXCollections.observableArrayList();
    private final ObjectProperty<Trace> openTrace = new SimpleObjectProperty<>(this, "openTrace");
    private final ObjectProperty<BitSet> criticalPath = new SimpleObjectProperty<>(this, "criticalPath", new BitSet());
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "No trace open");
    private final StringProperty details = new SimpleStringProperty(this, "details", "");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final ProblemSlot problems = new ProblemSlot();
    private final Map<String, Trace> loaded = new HashMap<>();
    private final StringProperty resultsNote = new SimpleStringProperty(this, "resultsNote",
            "Choose a service and press Find traces");
    private final ObservableList<DetailRow> detailRows = FXCollections.observableArrayList();
    private final StringProperty find = new SimpleStringProperty(this, "find", "");
    private final ObjectProperty<int[]> matches = new SimpleObjectProperty<>(this, "matches", new int[0]);
    private final StringProperty findStatus = new SimpleStringProperty(this, "findStatus", "");
    private final BooleanProperty endToEnd = new SimpleBooleanProperty(this, "endToEnd");
    private final ObjectProperty<BitSet> pathSpans = new SimpleObjectProperty<>(this, "pathSpans", new BitSet());
    private final ObjectProperty<List<TraceTimeline.Band>> pathBands = new SimpleObjectProperty<>(this, "pathBands",
            List.of());
    private final StringProperty pathNote = new SimpleStringProperty(this, "pathNote", "");
    private final javafx.beans.property.IntegerProperty reveal = new javafx.beans.property.SimpleIntegerProperty(
            this, "reveal", -1);
    private StitchedTrace stitched;
    private int matchAt = -1;
    /** What the saved traces come from ("snapshot of … at …") when the view has no client; null when live. */
    private String savedIn;

    public TracesViewModel(BackgroundWork work) {
        this.work = work;
        client.addListener((o, a, c) -> {
            if (c != null) {
                loadServices();
            }
        });
        find.addListener((o, a, q) -> runFind());
        endToEnd.addListener((o, a, on) -> computePath());
    }

    public ObjectProperty<JaegerClient> clientProperty() {
        return client;
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public StringProperty operationProperty() {
        return operation;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty lookbackProperty() {
        return lookback;
    }

    public StringProperty minDurationProperty() {
        return minDuration;
    }

    public StringProperty maxDurationProperty() {
        return maxDuration;
    }

    public StringProperty limitProperty() {
        return limit;
    }

    public ObservableList<String> services() {
        return services;
    }

    public ObservableList<String> operations() {
        return operations;
    }

    public ObservableList<TraceSummary> results() {
        return results;
    }

    public ObjectProperty<Trace> openTraceProperty() {
        return openTrace;
    }

    public ObjectProperty<BitSet> criticalPathProperty() {
        return criticalPath;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    /** A span the view should scroll to and select (a record's own span when its trace opens), or -1. */
    public javafx.beans.property.IntegerProperty revealProperty() {
        return reveal;
    }

    /** What the results list says when it is empty (before a search, or a search that found nothing). */
    public StringProperty resultsNoteProperty() {
        return resultsNote;
    }

    /** The selected span's details as grid lines (section headings, key/value lines). */
    public ObservableList<DetailRow> detailRows() {
        return detailRows;
    }

    /** The find-in-trace text. */
    public StringProperty findProperty() {
        return find;
    }

    /** Spans matching {@link #findProperty()}, in display order. */
    public ObjectProperty<int[]> matchesProperty() {
        return matches;
    }

    /** "3 of 12", "no match", or empty. */
    public StringProperty findStatusProperty() {
        return findStatus;
    }

    /** Shows the end-to-end path across Kafka hops instead of the critical path. */
    public BooleanProperty endToEndProperty() {
        return endToEnd;
    }

    /** Spans on the end-to-end path (the hops). */
    public ObjectProperty<BitSet> pathSpansProperty() {
        return pathSpans;
    }

    /** The end-to-end path's segments for the timeline's lane; empty when off or no hop was found. */
    public ObjectProperty<List<TraceTimeline.Band>> pathBandsProperty() {
        return pathBands;
    }

    /** One line about the end-to-end path: its hops and replication delay, or why it is short. */
    public StringProperty pathNoteProperty() {
        return pathNote;
    }

    /** Failed requests, shown in the view's banner with "Copy details" and "Retry"; cleared when they recover. */
    public ProblemSlot problems() {
        return problems;
    }

    /** A warning about the last answer that still showed something (partial, cut short), or null. */
    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /**
     * Shows traces saved in a file (a snapshot's, in the back end's own JSON) instead of a back end's search: they
     * are the results, open offline, and so does every {@link #open} of one of them; searching says it needs a live
     * back-end. {@code where} names the file for that message ("snapshot of … at …").
     */
    public void showSaved(List<Trace> traces, String where) {
        savedIn = where;
        loaded.clear();
        traces.forEach(t -> loaded.put(t.traceId(), t));
        results.setAll(traces.stream().map(TraceSummary::of).toList());
        resultsNote.set(traces.isEmpty() ? "No traces were saved in the " + where
                : traces.size() + (traces.size() == 1 ? " trace" : " traces") + " saved in the " + where);
    }

    /** Without a client (saved traces only) a request cannot run: says so where the view shows problems. */
    private CompletableFuture<Void> offline(String what) {
        Problem p = Problem.of(Problem.Kind.USAGE, what + " needs a live tracing back-end",
                savedIn == null ? "No tracing back-end is connected" : "This view shows the traces saved in the "
                        + savedIn, "Connect (File ▸ Connect…) and open the back-end's traces");
        problem.set(p);
        return CompletableFuture.failedFuture(new io.mirrorscope.core.ProblemException(p));
    }

    /** Fills the service list. */
    public CompletableFuture<Void> loadServices() {
        JaegerClient c = client.get();
        if (c == null) {
            return offline("Listing services");
        }
        return work.run("Loading services", c::services, problems, this::loadServices, services::setAll);
    }

    /** Fills the operation list of the chosen service. */
    public CompletableFuture<Void> loadOperations() {
        JaegerClient c = client.get();
        if (c == null) {
            return offline("Listing operations");
        }
        String s = service.get();
        return work.run("Loading operations of " + s, () -> c.operations(s), problems, this::loadOperations,
                operations::setAll);
    }

    /** Runs the search; the results list shows one summary per trace (v1 search answers with whole traces). */
    public CompletableFuture<Void> search() {
        if (client.get() == null) {
            return offline("Searching traces");
        }
        TraceQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            problem.set(Problem.of(Problem.Kind.USAGE, e.getMessage(), "", ""));
            return CompletableFuture.failedFuture(e);
        }
        JaegerClient c = client.get();
        return work.run("Searching traces of " + query.service(), () -> c.search(query), problems, this::search,
                found -> {
                    loaded.clear();
                    found.traces().forEach(t -> loaded.put(t.traceId(), t));
                    results.setAll(found.traces().stream().map(TraceSummary::of).toList());
                    problem.set(found.problem());
                    resultsNote.set(found.traces().isEmpty() ? "No traces of " + query.service()
                            + (query.operation() == null || query.operation().isBlank() ? "" : " / "
                            + query.operation()) + " in the last " + (lookback.get().isBlank() ? "1h"
                            : lookback.get()) + (query.tags().isEmpty() ? "" : " with those tags")
                            + ": widen the lookback, drop a filter, or check that the service sends spans" : "");
                });
    }

    /** Opens a trace: from the last search when it is there, else from the back end. */
    public CompletableFuture<Void> open(String traceId) {
        Trace known = loaded.get(traceId);
        if (known != null) {
            show(known);
            return CompletableFuture.completedFuture(null);
        }
        JaegerClient c = client.get();
        if (c == null) {
            return offline("Loading trace " + traceId);
        }
        return work.run("Loading trace " + traceId, () -> c.trace(traceId), problems, () -> open(traceId),
                parsed -> {
                    problem.set(parsed.problem());
                    show(parsed.traces().getFirst());
                });
    }

    /**
     * Opens the trace a record's headers name, looked up in a window around the record's time (back ends that
     * search storage by time find it faster, or only, there); {@code recordMillis} 0 for no window.
     */
    public CompletableFuture<Void> open(TraceContext context, long recordMillis) {
        Trace known = loaded.get(context.traceId());
        JaegerClient c = client.get();
        if (known != null && c == null) {
            showRecordSpan(known, context);
            return CompletableFuture.completedFuture(null);
        }
        if (c == null) {
            return offline("Loading trace " + context.traceId());
        }
        long start = recordMillis > 0 ? (recordMillis - 3_600_000L) * 1000 : 0;
        long end = recordMillis > 0 ? (recordMillis + 3_600_000L) * 1000 : 0;
        String id = context.traceId();
        return work.run("Loading trace " + id, () -> c.trace(id, start, end), problems,
                () -> open(context, recordMillis), parsed -> {
                    problem.set(parsed.problem());
                    showRecordSpan(parsed.traces().getFirst(), context);
                });
    }

    private void showRecordSpan(Trace t, TraceContext context) {
        show(t);
        int span = context.spanId() == null ? -1 : t.indexOf(io.mirrorscope.core.trace.TraceIds
                .parseSpanId(context.spanId()));
        // the record's own span (its producer's send): the view scrolls to it and selects it
        reveal.set(-1);
        reveal.set(span);
    }

    /**
     * Fetches the source record's trace and its copy's trace (the same trace when the mirror kept the context) and
     * shows them stitched ({@link #showStitched}); {@code recordMillis} 0 for no time window.
     */
    public CompletableFuture<Void> openStitched(TraceContext source, TraceContext target, StitchedTrace.Pair pair,
                                                long recordMillis) {
        JaegerClient c = client.get();
        if (c == null) {
            Trace from = loaded.get(source.traceId());
            Trace to = target == null ? from : loaded.get(target.traceId());
            if (from == null || to == null) {
                return offline("Loading the traces of " + source.traceId() + " and its copy");
            }
            showStitched(StitchedTrace.of(from, to, pair));
            return CompletableFuture.completedFuture(null);
        }
        long start = recordMillis > 0 ? (recordMillis - 3_600_000L) * 1000 : 0;
        long end = recordMillis > 0 ? (recordMillis + 3_600_000L) * 1000 : 0;
        return work.run("Loading the traces of " + source.traceId() + " and its copy", () -> {
            Trace from = c.trace(source.traceId(), start, end).traces().getFirst();
            Trace to = target == null || target.traceId().equals(source.traceId()) ? from
                    : c.trace(target.traceId(), start, end).traces().getFirst();
            return StitchedTrace.of(from, to, pair);
        }, problems, () -> openStitched(source, target, pair, recordMillis), this::showStitched);
    }

    /**
     * Shows a record's replication as one timeline: the source record's trace and its copy's trace merged, the
     * end-to-end path on, the replication segment emphasised.
     */
    public void showStitched(StitchedTrace view) {
        Trace merged = view.merged();
        stitched = view;
        show(merged);
        stitched = view;
        if (endToEnd.get()) {
            computePath();
        } else {
            endToEnd.set(true);
        }
        summary.set((view.split() ? "Stitched: " + view.traces().size() + " traces · " : "") + summary.get());
    }

    /** Shows an already parsed trace. */
    public void show(Trace t) {
        stitched = null;
        BitSet path = new BitSet();
        CriticalPath.jaeger(t).forEach(s -> path.set(s.span()));
        criticalPath.set(path);
        openTrace.set(t);
        summary.set(t.spanCount() + " spans · " + GoDuration.format(t.durationMicros()) + " · "
                + String.join(", ", t.services()) + (t.warnings().isEmpty() ? "" : " · " + t.warnings().size()
                + " warning" + (t.warnings().size() == 1 ? "" : "s")));
        details.set(String.join("\n", t.warnings()));
        detailRows.clear();
        if (!t.warnings().isEmpty()) {
            detailRows.add(DetailRow.heading("Warnings"));
            t.warnings().forEach(w -> detailRows.add(new DetailRow("Warnings", "warning", w)));
        }
        runFind();
        computePath();
    }

    /**
     * Matches of the find text in the open trace; resets the step position. A big trace is searched off the FX
     * thread (a million spans take a few hundred milliseconds), the latest text wins.
     */
    private void runFind() {
        Trace t = openTrace.get();
        String query = find.get();
        if (t == null || query == null || query.isBlank() || t.size() < BACKGROUND_FIND) {
            showMatches(t == null ? new int[0] : TraceFind.find(t, query), query);
            return;
        }
        findStatus.set("finding…");
        work.run("Finding '" + query + "' in the trace", () -> TraceFind.find(t, query), problems, null, found -> {
            if (t == openTrace.get() && query.equals(find.get())) {
                showMatches(found, query);
            }
        });
    }

    /** Spans above which find-in-trace runs in the background. */
    static final int BACKGROUND_FIND = 50_000;

    private void showMatches(int[] found, String query) {
        matchAt = -1;
        matches.set(found);
        findStatus.set(query == null || query.isBlank() ? "" : found.length == 0 ? "no match"
                : found.length + (found.length == 1 ? " match" : " matches"));
    }

    /**
     * The next (or previous) match after {@code current} (the selected span, or -1), with wrap-around; -1 when
     * nothing matches. The status says which one it is.
     */
    public int stepMatch(int current, boolean forward) {
        Trace t = openTrace.get();
        int[] found = matches.get();
        if (t == null || found.length == 0) {
            return -1;
        }
        int span = TraceFind.step(t, found, current, forward);
        matchAt = java.util.Arrays.binarySearch(positions(t, found), t.preorderPosition(span));
        findStatus.set((matchAt + 1) + " of " + found.length);
        return span;
    }

    private static int[] positions(Trace t, int[] spans) {
        int[] p = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            p[i] = t.preorderPosition(spans[i]);
        }
        return p;
    }

    /** The end-to-end path of the open trace (or of the stitched pair) when the toggle is on. */
    private void computePath() {
        Trace t = openTrace.get();
        if (t == null || !endToEnd.get()) {
            pathSpans.set(new BitSet());
            pathBands.set(List.of());
            pathNote.set("");
            return;
        }
        EndToEndPath path = stitched != null ? stitched.path() : EndToEndPath.of(t);
        BitSet spans = new BitSet();
        for (EndToEndPath.Hop hop : path.hops()) {
            int span = stitched != null ? stitched.mergedSpan(t, hop) : hop.span();
            if (span >= 0) {
                spans.set(span);
            }
        }
        List<TraceTimeline.Band> bands = new ArrayList<>();
        for (EndToEndPath.Segment seg : path.segments()) {
            bands.add(new TraceTimeline.Band(seg.segment(), seg.startMicros(), seg.endMicros(),
                    seg.segment().equals(EndToEndPath.REPLICATION)));
        }
        pathSpans.set(spans);
        pathBands.set(List.copyOf(bands));
        long delay = path.replicationDelayMicros();
        pathNote.set(path.hops().isEmpty() ? "No Kafka hop in this trace (no PRODUCER span)"
                : path.hops().size() + " hops" + (delay >= 0 ? " · replication delay " + GoDuration.format(delay)
                + " (from spans)" : "") + (path.warnings().isEmpty() ? "" : " · " + String.join("; ",
                path.warnings())));
    }

    /** Details of a span: timing, tags, logs, process, references. */
    public void select(int span) {
        Trace t = openTrace.get();
        if (t == null || span < 0) {
            details.set("");
            detailRows.clear();
            return;
        }
        detailRows.setAll(detailRows(t, span));
        StringBuilder text = new StringBuilder(t.service(span)).append(": ").append(t.operation(span)).append('\n')
                .append("span ").append(t.spanIdHex(span)).append(" · ").append(t.kind(span).tagValue())
                .append("\nstarts at +").append(GoDuration.format(t.start(span) - t.startMicros()))
                .append(", lasts ").append(GoDuration.format(t.duration(span))).append('\n');
        t.tags(span).forEach(tag -> text.append("  ").append(tag.key()).append(" = ").append(tag.value())
                .append('\n'));
        t.logs(span).forEach(log -> text.append("log +").append(GoDuration.format(log.timestampMicros()
                - t.startMicros())).append(": ").append(log.fields().stream().map(f -> f.key() + "=" + f.value())
                .collect(Collectors.joining(", "))).append('\n'));
        t.processTags(span).forEach(tag -> text.append("process ").append(tag.key()).append(" = ")
                .append(tag.value()).append('\n'));
        t.references(span).forEach(r -> text.append(r.type()).append(' ').append(r.spanId()).append('\n'));
        details.set(text.toString());
    }

    /** The grid lines of one span: the span's own fields, tags, logs, process tags, references. */
    static List<DetailRow> detailRows(Trace t, int span) {
        List<DetailRow> rows = new ArrayList<>();
        rows.add(DetailRow.heading("Span"));
        rows.add(new DetailRow("Span", "service", t.service(span)));
        rows.add(new DetailRow("Span", "operation", t.operation(span)));
        rows.add(new DetailRow("Span", "span id", t.spanIdHex(span)));
        rows.add(new DetailRow("Span", "trace id", t.traceId()));
        rows.add(new DetailRow("Span", "kind", t.kind(span).tagValue()));
        rows.add(new DetailRow("Span", "start", "+" + GoDuration.format(t.start(span) - t.startMicros()) + " ("
                + Instant.ofEpochSecond(t.start(span) / 1_000_000, (t.start(span) % 1_000_000) * 1000) + ")"));
        rows.add(new DetailRow("Span", "duration", GoDuration.format(t.duration(span))));
        if (t.has(span, Trace.CLOCK_SKEW)) {
            rows.add(new DetailRow("Span", "warning", "starts before its parent (clock skew between hosts)"));
        }
        if (t.has(span, Trace.ORPHAN)) {
            rows.add(new DetailRow("Span", "warning", "its parent is not in the trace"));
        }
        List<Trace.Tag> tags = t.tags(span);
        if (!tags.isEmpty()) {
            rows.add(DetailRow.heading("Tags"));
            tags.forEach(tag -> rows.add(new DetailRow("Tags", tag.key(), tag.value())));
        }
        List<Trace.Log> logs = t.logs(span);
        if (!logs.isEmpty()) {
            rows.add(DetailRow.heading("Logs"));
            for (Trace.Log log : logs) {
                String at = "+" + GoDuration.format(log.timestampMicros() - t.startMicros());
                log.fields().forEach(f -> rows.add(new DetailRow("Logs", at + "  " + f.key(), f.value())));
            }
        }
        List<Trace.Tag> process = t.processTags(span);
        if (!process.isEmpty()) {
            rows.add(DetailRow.heading("Process"));
            process.forEach(tag -> rows.add(new DetailRow("Process", tag.key(), tag.value())));
        }
        List<Trace.Reference> refs = t.references(span);
        if (!refs.isEmpty()) {
            rows.add(DetailRow.heading("References"));
            refs.forEach(r -> rows.add(new DetailRow("References", r.type(), r.traceId() + " / " + r.spanId())));
        }
        return rows;
    }

    TraceQuery query() {
        Instant now = Instant.now();
        long start = TimeSpec.parse(lookback.get().isBlank() ? "1h" : lookback.get(), now, ZoneId.systemDefault())
                * 1000;
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (String pair : tags.get().trim().split("\\s+")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                tagMap.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return new TraceQuery(service.get(), operation.get(), tagMap, start, now.toEpochMilli() * 1000,
                minDuration.get().isBlank() ? 0 : GoDuration.parseMicros(minDuration.get()),
                maxDuration.get().isBlank() ? 0 : GoDuration.parseMicros(maxDuration.get()),
                limit.get().isBlank() ? 20 : Integer.parseInt(limit.get().trim()));
    }
}
