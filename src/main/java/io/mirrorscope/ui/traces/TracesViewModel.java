package io.mirrorscope.ui.traces;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.CriticalPath;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the traces view: the search form, the results (sortable summaries), the open trace with its critical
 * path, the selected span's details, and the problem of the last request. Requests run through
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

    public TracesViewModel(BackgroundWork work) {
        this.work = work;
        client.addListener((o, a, c) -> {
            if (c != null) {
                loadServices();
            }
        });
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

    /** Failed requests, shown in the view's banner with "Copy details" and "Retry"; cleared when they recover. */
    public ProblemSlot problems() {
        return problems;
    }

    /** A warning about the last answer that still showed something (partial, cut short), or null. */
    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** Fills the service list. */
    public CompletableFuture<Void> loadServices() {
        JaegerClient c = client.get();
        return work.run("Loading services", c::services, problems, this::loadServices, services::setAll);
    }

    /** Fills the operation list of the chosen service. */
    public CompletableFuture<Void> loadOperations() {
        JaegerClient c = client.get();
        String s = service.get();
        return work.run("Loading operations of " + s, () -> c.operations(s), problems, this::loadOperations,
                operations::setAll);
    }

    /** Runs the search; the results list shows one summary per trace (v1 search answers with whole traces). */
    public CompletableFuture<Void> search() {
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
        return work.run("Loading trace " + traceId, () -> c.trace(traceId), problems, () -> open(traceId),
                parsed -> {
                    problem.set(parsed.problem());
                    show(parsed.traces().getFirst());
                });
    }

    /** Shows an already parsed trace. */
    public void show(Trace t) {
        BitSet path = new BitSet();
        CriticalPath.jaeger(t).forEach(s -> path.set(s.span()));
        criticalPath.set(path);
        openTrace.set(t);
        summary.set(t.spanCount() + " spans · " + GoDuration.format(t.durationMicros()) + " · "
                + String.join(", ", t.services()) + (t.warnings().isEmpty() ? "" : " · " + t.warnings().size()
                + " warning" + (t.warnings().size() == 1 ? "" : "s")));
        details.set(String.join("\n", t.warnings()));
    }

    /** Details of a span: timing, tags, logs, process, references. */
    public void select(int span) {
        Trace t = openTrace.get();
        if (t == null || span < 0) {
            details.set("");
            return;
        }
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
