package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.records.TimeSpec;
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

    private final CompareFeed feed;
    private final Executor io;
    private final Executor fx;
    private final ZoneId zone;
    private final List<long[]> newDelays = new ArrayList<>();
    private MatchSnapshot last;
    private long detailGeneration;
    private PairItem detailRow;

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
        selected.addListener((o, a, row) -> loadDetail(row));
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
            return;
        }
        Predicate<PairItem> p = row -> (!problems || row.status().problem())
                && (parts.isEmpty() || parts.contains(row.partition()))
                && (text.isEmpty() || contains(row.key(), text) || contains(row.preview().value(), text))
                && (header.isEmpty() || contains(row.preview().headers(), header));
        visibleRows.setPredicate(p);
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
        }
        if (row == null) {
            return;
        }
        feed.fetch(row.partition(), row.offset(), row.targetPartition(), row.targetOffset(),
                pair -> {
                    List<PairDiff.Line> lines = PairDiff.of(pair.source(), pair.target());
                    fx.execute(() -> {
                        if (generation == detailGeneration) {
                            detail.setAll(lines);
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
}
