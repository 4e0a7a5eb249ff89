package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemReport;
import io.mirrorscope.ui.common.ProblemSlot;
import io.mirrorscope.ui.controls.ChartGeometry;
import io.mirrorscope.ui.controls.LagStrip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The side-by-side view: one row per source record and what became of it on the target, the run's counters, lag
 * per partition, delays, filters, seek, pause, the detail of a pair and exports. The FX thread calls
 * {@link #pulse()} once per frame; it takes the feed's latest snapshot and merges it in one list change
 * ({@link PairTableModel}), never one hand-off per record. Blocking work (file writes) runs on {@code io}; feed
 * callbacks come back through {@code fx}. Tested without a toolkit.
 */
public final class SideBySideViewModel {

    /** The run's state as the header shows it. */
    public enum RunState { NOT_STARTED, LIVE, PAUSED, BOUNDED }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    // Properties
    private final PairTableModel rows;
    private final FilteredList<PairItem> visibleRows;
    private final ObservableList<Integer> partitions = FXCollections.observableArrayList();
    private final ObservableSet<Integer> chosenPartitions = FXCollections.observableSet(new HashSet<>());
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final StringProperty headerFilter = new SimpleStringProperty(this, "headerFilter", "");
    private final ProblemSlot problems = new ProblemSlot();
    private final BooleanProperty onlyProblems = new SimpleBooleanProperty(this, "onlyProblems", false);
    private final StringProperty seekText = new SimpleStringProperty(this, "seekText", "");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state",
            RunState.NOT_STARTED);
    private final ReadOnlyObjectWrapper<MatchSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper delayText = new ReadOnlyStringWrapper(this, "delayText", "");
    private final ReadOnlyStringWrapper pairingText = new ReadOnlyStringWrapper(this, "pairingText", "");
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper(this, "freshness", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper(this, "notification", "");
    private final ReadOnlyLongWrapper notifications = new ReadOnlyLongWrapper(this, "notifications", 0);
    private final ReadOnlyObjectWrapper<List<LagStrip.Cell>> lagCells = new ReadOnlyObjectWrapper<>(this,
            "lagCells", List.of());
    private final ObjectProperty<PairItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<PairDiff.Line> detail = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", false);
    private final ReadOnlyObjectWrapper<CompareFeed.Pair> shownPair = new ReadOnlyObjectWrapper<>(this, "shownPair");
    private final ReadOnlyBooleanWrapper canOpenTrace = new ReadOnlyBooleanWrapper(this, "canOpenTrace", false);
    private final ReadOnlyStringWrapper openTraceHint = new ReadOnlyStringWrapper(this, "openTraceHint", "");
    private final ReadOnlyObjectWrapper<PairItem> revealed = new ReadOnlyObjectWrapper<>(this, "revealed");

    private final CompareFeed feed;
    private final Executor io;
    private final Executor fx;
    private final ZoneId zone;
    private final List<long[]> newDelays = new ArrayList<>();
    private MatchSnapshot last;
    private long detailGeneration;
    private PairItem detailRow;
    private Consumer<CompareFeed.Pair> openTrace;
    /** Why the hook cannot open a pair's traces ("" when it can), beyond its headers; e.g. a snapshot's. */
    private java.util.function.Function<CompareFeed.Pair, String> traceCheck = pair -> "";
    /** Whether the shown pair carries a usable trace context, and why not ("" when it does). */
    private String traceProblem = "";
    /** The source record {@link #reveal} waits for: {partition, offset}; null when none. */
    private long[] pendingReveal;

    /**
     * @param maxRows rows kept in the table (older ones leave; counters stay exact)
     * @param zone    zone of the time column and the seek box
     */
    public SideBySideViewModel(CompareFeed feed, Executor io, Executor fx, int maxRows, ZoneId zone) {
        this.feed = feed;
        this.io = io;
        this.fx = fx;
        this.zone = zone;
        this.rows = new PairTableModel(maxRows);
        this.visibleRows = new FilteredList<>(rows);
        partitions.setAll(feed.partitions());
        textFilter.addListener((o, a, b) -> applyFilter());
        headerFilter.addListener((o, a, b) -> applyFilter());
        onlyProblems.addListener((o, a, b) -> applyFilter());
        chosenPartitions.addListener((javafx.collections.SetChangeListener<Integer>) c -> applyFilter());
        selected.addListener((o, a, row) -> {
            cancelRevealOnUserSelection(a, row);
            loadDetail(row);
        });
        updateOpenTrace();
        CompareFeed.Sides s = feed.sides();
        pairingText.set(s.sourceTopic() + " → " + s.targetTopic() + " (" + s.mapping() + ")");
    }

    // ---------------------------------------------------------------- properties

    /** Every row held, oldest first. */
    public PairTableModel rows() {
        return rows;
    }

    /** The rows passing the filters (the table sorts a SortedList over it). */
    public ObservableList<PairItem> visibleRows() {
        return visibleRows;
    }

    public ObservableList<Integer> partitions() {
        return partitions;
    }

    /** Partitions to show and to read; empty means all. */
    public ObservableSet<Integer> chosenPartitions() {
        return chosenPartitions;
    }

    /** Text searched in key and value previews (case-insensitive). */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** Text searched in the headers ("name=value"). */
    public StringProperty headerFilterProperty() {
        return headerFilter;
    }

    public BooleanProperty onlyProblemsProperty() {
        return onlyProblems;
    }

    /** A time for {@link #seek()}: ISO, "yyyy-MM-dd HH:mm:ss", or relative like "-15m" (see TimeSpec). */
    public StringProperty seekTextProperty() {
        return seekText;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The latest snapshot merged, null before the first. */
    public ReadOnlyObjectProperty<MatchSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** "p50 12 ms · max 140 ms · live observed" (the header shows p99 big) or "no measured delay (…)". */
    public ReadOnlyStringProperty delayTextProperty() {
        return delayText.getReadOnlyProperty();
    }

    /** Topics, mapping and the pairing the matcher used. */
    public ReadOnlyStringProperty pairingTextProperty() {
        return pairingText.getReadOnlyProperty();
    }

    /** When the last snapshot was taken. */
    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    /** Failures of the view's own reads and exports, shown in its banner with "Copy details". */
    public ProblemSlot problems() {
        return problems;
    }

    /** The outcome of the last command (seek, export), or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The latest quiet notification (new missing records while live); "" for none. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    /** How many notifications were raised (the view shows each once). */
    public ReadOnlyLongProperty notificationsProperty() {
        return notifications.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<LagStrip.Cell>> lagCellsProperty() {
        return lagCells.getReadOnlyProperty();
    }

    public ObjectProperty<PairItem> selectedProperty() {
        return selected;
    }

    /** Both records of the selected row, field by field. */
    public ObservableList<PairDiff.Line> detail() {
        return detail;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The selected pair as last read in full for the detail (what "Open traces" hands on); null when none. */
    public ReadOnlyObjectProperty<CompareFeed.Pair> shownPairProperty() {
        return shownPair.getReadOnlyProperty();
    }

    /** True when {@link #openTrace()} does something: a hook is set and the shown pair carries a trace context. */
    public ReadOnlyBooleanProperty canOpenTraceProperty() {
        return canOpenTrace.getReadOnlyProperty();
    }

    /** What "Open traces" does, or why it cannot (the disabled action's tooltip). */
    public ReadOnlyStringProperty openTraceHintProperty() {
        return openTraceHint.getReadOnlyProperty();
    }

    /**
     * The row {@link #reveal} found, for the view to select and scroll to; it changes once per reveal (the view
     * listens to changes).
     */
    public ReadOnlyObjectProperty<PairItem> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** The feed this view reads. */
    public CompareFeed feed() {
        return feed;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A timestamp as the table shows it: milliseconds, fixed width, in {@link #zone()}. */
    public String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    // ---------------------------------------------------------------- commands

    /** Starts the run at the seek time, or live from now when the box is empty. */
    public void start() {
        Long from = parseSeek();
        if (from == null && !seekText.get().isBlank()) {
            return;
        }
        feed.start(from == null ? -1 : from, Set.copyOf(chosenPartitions));
        paused.set(false);
        state.set(RunState.LIVE);
    }

    /** Restarts both sides at the seek time: the table and charts start again. */
    public void seek() {
        Long from = parseSeek();
        if (from == null) {
            if (seekText.get().isBlank()) {
                message.set("Enter a time to seek to");
            }
            return;
        }
        rows.clear();
        selected.set(null); // the detail pane shows no record the table no longer holds
        last = null;
        newDelays.clear();
        feed.seek(from, Set.copyOf(chosenPartitions));
        paused.set(false);
        state.set(RunState.LIVE);
        message.set("Both sides from " + time(from));
    }

    public void togglePause() {
        if (paused.get()) {
            feed.resume();
            paused.set(false);
            state.set(RunState.LIVE);
        } else {
            feed.pause();
            paused.set(true);
            // a paused feed takes no snapshot, so the header cannot wait for the next one to say so
            state.set(RunState.PAUSED);
        }
    }

    /** Takes the feed's latest snapshot and merges it; the FX thread calls it once per pulse. */
    public void pulse() {
        MatchSnapshot s = feed.snapshot();
        if (s == null || s == last) {
            return;
        }
        last = s;
        PairTableModel.Merge merge = rows.merge(s, feed::preview);
        for (PairItem m : merge.newlyMeasured()) {
            newDelays.add(new long[] {m.timestamp(), m.delayMs()});
        }
        snapshot.set(s);
        updateSummary(s);
        tryReveal();
        if (paused.get()) {
            state.set(RunState.PAUSED);
        } else {
            state.set(feed.live() ? RunState.LIVE : RunState.BOUNDED);
        }
        if (!merge.newlyMissing().isEmpty() && state.get() == RunState.LIVE) {
            PairItem first = merge.newlyMissing().getFirst();
            int n = merge.newlyMissing().size();
            notification.set(n + (n == 1 ? " new missing record" : " new missing records") + " · P"
                    + first.partition() + " offset " + first.offset()
                    + (first.key().isEmpty() ? "" : " · key " + first.key()));
            notifications.set(notifications.get() + 1);
        }
    }

    /**
     * Sets what "Open traces" does with the selected pair (the source record and its copy as read in full), e.g.
     * the app's trace opener; null unsets it and disables the action.
     */
    public void onOpenTrace(Consumer<CompareFeed.Pair> action) {
        this.openTrace = action;
        updateOpenTrace();
    }

    /**
     * Sets what else "Open traces" needs of a pair with a trace header, as the reason it cannot ("" when it can):
     * a snapshot opens only the traces it saved. Runs on the feed's thread with the pair read in full.
     */
    public void traceCheck(java.util.function.Function<CompareFeed.Pair, String> check) {
        this.traceCheck = check;
    }

    /** Hands the shown pair to the {@link #onOpenTrace} hook; does nothing while the action is disabled. */
    public void openTrace() {
        CompareFeed.Pair pair = shownPair.get();
        if (canOpenTrace.get() && openTrace != null && pair != null) {
            openTrace.accept(pair);
        }
    }

    /**
     * Selects (and the view scrolls to) the row of this source record as soon as it is in the table: now, or when
     * a later snapshot brings it (the topic browser's "Find on the mirror" starts a compare at the record's time,
     * then calls this). Once: a later reveal replaces it, and the user selecting another row cancels it. The row
     * must pass the filters to be shown; it is looked for again when they change.
     */
    public void reveal(int partition, long offset) {
        pendingReveal = new long[] {partition, offset};
        message.set(lookingFor(partition, offset));
        tryReveal();
    }

    /** True while a {@link #reveal} waits for its row. */
    public boolean revealPending() {
        return pendingReveal != null;
    }

    /** Hands the delays measured since the last call to {@code sink} (time, delay ms), for the delay chart. */
    public void takeNewDelays(java.util.function.BiConsumer<Long, Long> sink) {
        for (long[] d : newDelays) {
            sink.accept(d[0], d[1]);
        }
        newDelays.clear();
    }

    /** Writes the findings as JSON or CSV; completes on the FX executor with the file. */
    public CompletableFuture<Path> export(Path file, boolean json) {
        MatchSnapshot s = last;
        CompletableFuture<Path> done = new CompletableFuture<>();
        if (s == null) {
            message.set("Nothing to export yet");
            done.completeExceptionally(new IllegalStateException("no snapshot yet"));
            return done;
        }
        List<PairItem> copy = json ? List.of() : List.copyOf(rows);
        CompareFeed.Sides sides = feed.sides();
        io.execute(() -> {
            try {
                String text = json ? FindingsExport.json(s, sides) : FindingsExport.csv(s, copy);
                Files.writeString(file, text, StandardCharsets.UTF_8);
                fx.execute(() -> {
                    message.set("Exported to " + file);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    message.set("Export failed");
                    BackgroundWork.report(problems, ProblemReport.of("Exporting the findings to " + file, e, null));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /**
     * The latest findings with every row the table holds as their pair table (a feed's snapshot carries only the
     * rows that can still change), for saving what the view shows; null before the first snapshot. FX thread.
     */
    public MatchSnapshot findingsAsShown() {
        MatchSnapshot s = last;
        if (s == null) {
            return null;
        }
        List<MatchSnapshot.PairRow> pairs = new ArrayList<>(rows.size());
        for (PairItem r : rows) {
            pairs.add(new MatchSnapshot.PairRow(r.partition(), r.offset(), r.timestamp(), r.key(), r.state(),
                    r.targetPartition(), r.targetOffset(), r.copies(), r.delayMs(), r.method()));
        }
        return new MatchSnapshot(s.pairing(), s.compacted(), s.takenAt(), s.sourceRecords(), s.targetRecords(),
                s.matched(), s.missing(), s.duplicates(), s.pending(), s.expired(), s.compactedAway(),
                s.targetUnmatched(), s.targetOutsideWindow(), s.overflow(), s.targetBacklog(),
                s.fingerprintMismatch(), s.delay(), s.partitions(), s.missingRecords(), s.duplicateRecords(),
                s.findingsTruncated(), pairs);
    }

    /** Stops the feed; the view is closing. */
    public void close() {
        feed.close();
    }

    // ---------------------------------------------------------------- internals

    private Long parseSeek() {
        String text = seekText.get() == null ? "" : seekText.get().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return TimeSpec.parse(text, Instant.now(), zone);
        } catch (IllegalArgumentException e) {
            message.set("Not a time: " + e.getMessage());
            return null;
        }
    }

    private void updateSummary(MatchSnapshot s) {
        MatchSnapshot.Delay d = s.delay();
        String method = FindingsExport.label(d.method()).replace('-', ' ');
        delayText.set(d.measured() == 0 ? "no measured delay (" + method + ")"
                : "p50 " + ChartGeometry.millis(d.p50()) + " · max " + ChartGeometry.millis(d.max()) + " · " + method);
        CompareFeed.Sides sides = feed.sides();
        pairingText.set(sides.sourceTopic() + " → " + sides.targetTopic() + " (" + sides.mapping() + "), paired by "
                + s.pairing().label() + (s.compacted() ? " (compacted: by key)" : ""));
        freshness.set("updated " + time(s.takenAt()).substring(11));
        List<LagStrip.Cell> cells = new ArrayList<>(s.partitions().size());
        for (MatchSnapshot.PartitionState p : s.partitions()) {
            if (chosenPartitions.isEmpty() || chosenPartitions.contains(p.partition())) {
                cells.add(new LagStrip.Cell(p.partition(), p.lag(), p.lagSeconds(), p.missing(), p.duplicates()));
            }
        }
        lagCells.set(cells);
    }

    private void applyFilter() {
        String text = lower(textFilter.get());
        String header = lower(headerFilter.get());
        boolean problems = onlyProblems.get();
        Set<Integer> parts = Set.copyOf(chosenPartitions);
        if (text.isEmpty() && header.isEmpty() && !problems && parts.isEmpty()) {
            visibleRows.setPredicate(null);
            tryReveal();
            return;
        }
        Predicate<PairItem> p = row -> (!problems || row.status().problem())
                && (parts.isEmpty() || parts.contains(row.partition()))
                && (text.isEmpty() || contains(row.key(), text) || contains(row.preview().value(), text))
                && (header.isEmpty() || contains(row.preview().headers(), header));
        visibleRows.setPredicate(p);
        tryReveal();
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String haystack, String lowerNeedle) {
        return haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private void loadDetail(PairItem row) {
        long generation = ++detailGeneration;
        PairItem before = detailRow;
        detailRow = row;
        // the same record updated (a copy arrived, a delay measured): keep what is shown until the new read lands,
        // instead of flashing an empty pane on every update of the selected row
        boolean sameRecord = before != null && row != null && before.partition() == row.partition()
                && before.offset() == row.offset();
        if (!sameRecord) {
            detail.clear();
            showPair(null, "");
        }
        if (row == null) {
            return;
        }
        feed.fetch(row.partition(), row.offset(), row.targetPartition(), row.targetOffset(),
                pair -> {
                    List<PairDiff.Line> lines = PairDiff.of(pair.source(), pair.target());
                    String headers = traceProblem(pair);
                    String problem = headers.isEmpty() ? traceCheck.apply(pair) : headers;
                    fx.execute(() -> {
                        if (generation == detailGeneration) {
                            detail.setAll(lines);
                            showPair(pair, problem);
                        }
                    });
                },
                e -> fx.execute(() -> {
                    if (generation == detailGeneration) {
                        message.set("Cannot read the pair");
                        BackgroundWork.report(problems, ProblemReport.of("Reading partition " + row.partition()
                                + " offset " + row.offset() + " and its copy", e, () -> loadDetail(row)));
                    }
                }));
    }

    private void showPair(CompareFeed.Pair pair, String problem) {
        shownPair.set(pair);
        traceProblem = problem;
        updateOpenTrace();
    }

    /** "" when the source or its copy carries a usable trace context, else why not (the tooltip's words). */
    static String traceProblem(CompareFeed.Pair pair) {
        TraceContext.Found source = TraceContext.fromRecord(pair.source());
        if (source.present()) {
            return "";
        }
        List<String> warnings = new ArrayList<>(source.warnings());
        if (pair.target().isPresent()) {
            TraceContext.Found target = TraceContext.fromRecord(pair.target().get());
            if (target.present()) {
                return "";
            }
            warnings.addAll(target.warnings());
        }
        // a malformed header is named, so the operator knows the producer writes one the back end cannot use
        return warnings.isEmpty() ? "no trace header on either record"
                : "no usable trace header on either record (" + warnings.getFirst() + ")";
    }

    private void updateOpenTrace() {
        CompareFeed.Pair pair = shownPair.get();
        boolean can = openTrace != null && pair != null && traceProblem.isEmpty();
        canOpenTrace.set(can);
        if (openTrace == null) {
            openTraceHint.set("Open traces: no tracing back-end wired");
        } else if (pair == null) {
            openTraceHint.set("Open traces: select a row first");
        } else if (!traceProblem.isEmpty()) {
            openTraceHint.set("Open traces: " + traceProblem);
        } else {
            openTraceHint.set("Open the traces of the source record and its copy");
        }
    }

    /** Selects the row a {@link #reveal} waits for when the table shows it; then the reveal is done. */
    private void tryReveal() {
        long[] want = pendingReveal;
        if (want == null) {
            return;
        }
        // newest rows are last, and a reveal usually waits for a row a recent snapshot brought
        for (int i = visibleRows.size() - 1; i >= 0; i--) {
            PairItem row = visibleRows.get(i);
            if (row.partition() == want[0] && row.offset() == want[1]) {
                pendingReveal = null;
                message.set("Showing P" + row.partition() + " offset " + row.offset());
                selected.set(row);
                revealed.set(null); // a change every time, even when an equal row was revealed before
                revealed.set(row);
                return;
            }
        }
    }

    /**
     * A selection of another record cancels a waiting reveal. The same record updated in place (a copy arrived)
     * or the selection emptied (a seek cleared the table) is not the user's choice and cancels nothing.
     */
    private void cancelRevealOnUserSelection(PairItem before, PairItem now) {
        long[] want = pendingReveal;
        if (want == null || now == null) {
            return;
        }
        boolean sameRecord = before != null && before.partition() == now.partition()
                && before.offset() == now.offset();
        boolean target = now.partition() == want[0] && now.offset() == want[1];
        if (!sameRecord && !target) {
            pendingReveal = null;
            if (message.get().equals(lookingFor((int) want[0], want[1]))) {
                message.set("");
            }
        }
    }

    private static String lookingFor(int partition, long offset) {
        return "Looking for P" + partition + " offset " + offset + "…";
    }
}
