package io.mirrorscope.ui.browser;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordBuffer;
import io.mirrorscope.core.records.RecordFilter;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.core.records.TopicReading;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The topic browser: topics, partitions with begin/end offsets, a bounded record table fed by a live read, filters,
 * a detail pane, seek, pause/resume and a rate limit. Blocking calls run on {@code io}; results come back through
 * {@code fx}. Records cross from the consumer thread through a {@link RecordBuffer} drained once per pulse
 * ({@link #drain()}), never one hand-off per record.
 */
public final class TopicBrowserViewModel {

    // Properties
    private final ObservableList<String> topics = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedTopic = new SimpleObjectProperty<>(this, "selectedTopic");
    private final ObservableList<PartitionRow> partitions = FXCollections.observableArrayList();
    private final ObservableList<RecordRow> records = FXCollections.observableArrayList();
    private final FilteredList<RecordRow> visibleRecords = new FilteredList<>(records);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty filterRegex = new SimpleBooleanProperty(this, "filterRegex", false);
    private final StringProperty headerFilter = new SimpleStringProperty(this, "headerFilter", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ObjectProperty<SeekMode> seekMode = new SimpleObjectProperty<>(this, "seekMode", SeekMode.LAST_N);
    private final StringProperty seekValue = new SimpleStringProperty(this, "seekValue", "100");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading", false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", false);
    private final DoubleProperty rateLimit = new SimpleDoubleProperty(this, "rateLimit", 0);
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped", 0);
    private final ObjectProperty<RecordRow> selectedRecord = new SimpleObjectProperty<>(this, "selectedRecord");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");

    private final TopicReading source;
    private final Executor io;
    private final Executor fx;
    private final int maxRows;
    private RecordBuffer buffer;
    private TopicReading.Tail tail;
    private long readGeneration;
    private long trimmed;

    public TopicBrowserViewModel(TopicReading source, Executor io, Executor fx, int maxRows) {
        this.source = source;
        this.io = io;
        this.fx = fx;
        this.maxRows = maxRows;
        filterText.addListener((o, a, b) -> applyFilter());
        filterRegex.addListener((o, a, b) -> applyFilter());
        headerFilter.addListener((o, a, b) -> applyFilter());
        selectedRecord.addListener((o, a, row) -> detail.set(row == null ? "" : RecordDetail.of(row.raw())));
        selectedTopic.addListener((o, a, topic) -> loadPartitions(topic));
        rateLimit.addListener((o, a, b) -> {
            if (tail != null) {
                TopicReading.Tail t = tail;
                double limit = Math.max(0, b.doubleValue());
                io.execute(() -> t.setRateLimit(limit));
            }
        });
    }

    public ObservableList<String> topics() {
        return topics;
    }

    public ObjectProperty<String> selectedTopicProperty() {
        return selectedTopic;
    }

    public ObservableList<PartitionRow> partitions() {
        return partitions;
    }

    /** Every record held (bounded), oldest first. */
    public ObservableList<RecordRow> records() {
        return records;
    }

    /** The records that pass the filters: what the table shows. */
    public ObservableList<RecordRow> visibleRecords() {
        return visibleRecords;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty filterRegexProperty() {
        return filterRegex;
    }

    /** {@code name} or {@code name=value-part}: a header that must be present. */
    public StringProperty headerFilterProperty() {
        return headerFilter;
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ObjectProperty<SeekMode> seekModeProperty() {
        return seekMode;
    }

    public StringProperty seekValueProperty() {
        return seekValue;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Records per second the read may take in; 0 for no limit. */
    public DoubleProperty rateLimitProperty() {
        return rateLimit;
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Records dropped from the buffer because the table could not keep up (or the row cap). */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public ObjectProperty<RecordRow> selectedRecordProperty() {
        return selectedRecord;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    // Commands

    /** Loads the topic list. */
    public void loadTopics() {
        status.set("Loading topics…");
        io.execute(() -> {
            try {
                List<String> names = source.topics();
                fx.execute(() -> {
                    topics.setAll(names);
                    status.set(names.size() + " topics");
                });
            } catch (RuntimeException e) {
                fx.execute(() -> showProblem(e));
            }
        });
    }

    /** Reloads the topic list and the selected topic's partition offsets (F5); the read goes on. */
    public void refresh() {
        loadTopics();
        loadPartitions(selectedTopic.get());
    }

    /** Starts reading the selected topic from the chosen position (stops the previous read). */
    public void seek() {
        String topic = selectedTopic.get();
        if (topic == null) {
            status.set("Choose a topic first");
            return;
        }
        StartPosition start;
        try {
            start = startPosition();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        stopTail();
        records.clear();
        trimmed = 0;
        if (!selectedRecord.isBound()) {  // bound to the table's selection, which the clear empties
            selectedRecord.set(null);
        }
        boolean live = follow.get() || seekMode.get() == SeekMode.END;
        RecordBuffer next = new RecordBuffer(maxRows, 64L * 1024 * 1024);
        buffer = next;
        long generation = ++readGeneration;
        reading.set(true);
        paused.set(false);
        status.set("Reading " + topic + (live ? " (live)" : ""));
        double limit = Math.max(0, rateLimit.get());
        io.execute(() -> {
            try {
                TopicReading.Tail opened = source.open(topic, List.of(), start, live, limit, next,
                        problem -> fx.execute(() -> ended(generation, problem)));
                fx.execute(() -> {
                    if (generation == readGeneration) {
                        tail = opened;
                    } else {
                        io.execute(opened::stop);
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    reading.set(false);
                    showProblem(e);
                });
            }
        });
        loadPartitions(topic);
    }

    /** Pauses or resumes the read; the connection stays open while paused. */
    public void togglePause() {
        TopicReading.Tail t = tail;
        if (t == null) {
            return;
        }
        boolean pause = !paused.get();
        paused.set(pause);
        io.execute(pause ? t::pause : t::resume);
        status.set(pause ? "Paused" : "Reading");
    }

    /** Stops the read. */
    public void stop() {
        stopTail();
        reading.set(false);
        paused.set(false);
        status.set("Stopped");
    }

    /** Moves what the consumer thread buffered into the table; call once per pulse on the FX thread. */
    public void drain() {
        RecordBuffer b = buffer;
        if (b != null) {
            List<RawRecord> batch = b.drain();
            if (!batch.isEmpty()) {
                List<RecordRow> rows = new ArrayList<>(batch.size());
                batch.forEach(r -> rows.add(new RecordRow(r)));
                records.addAll(rows);
                int excess = records.size() - maxRows;
                if (excess > 0) {
                    records.remove(0, excess);
                    trimmed += excess;
                }
            }
            dropped.set(b.dropped() + trimmed);
        }
        TopicReading.Tail t = tail;
        rateText.set(t == null ? "" : String.format(Locale.ROOT, "%.0f rec/s", t.rate()));
    }

    /** Stops everything; the view is closing. */
    public void close() {
        stopTail();
    }

    private void stopTail() {
        readGeneration++;
        TopicReading.Tail t = tail;
        tail = null;
        buffer = null;
        if (t != null) {
            io.execute(t::stop);
        }
    }

    private void ended(long generation, Problem problem) {
        if (generation != readGeneration) {
            return;
        }
        reading.set(false);
        tail = null;
        drain();
        status.set(problem == null ? "Read " + records.size() + " records" : problem.oneLine());
    }

    private void loadPartitions(String topic) {
        if (topic == null) {
            partitions.clear();
            return;
        }
        io.execute(() -> {
            try {
                List<PartitionRange> ranges = source.partitions(topic);
                fx.execute(() -> {
                    if (topic.equals(selectedTopic.get())) {
                        partitions.setAll(ranges.stream().map(PartitionRow::of).toList());
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> showProblem(e));
            }
        });
    }

    StartPosition startPosition() {
        String value = seekValue.get() == null ? "" : seekValue.get().strip();
        return switch (seekMode.get()) {
            case BEGINNING -> new StartPosition.Beginning();
            case END -> new StartPosition.End();
            case OFFSET -> new StartPosition.AtOffset(number(value, "an offset"));
            case LAST_N -> new StartPosition.LastN((int) Math.min(Integer.MAX_VALUE, number(value, "a count")));
            case TIME -> new StartPosition.AtTime(TimeSpec.parse(value, Instant.now(), ZoneId.systemDefault()));
        };
    }

    private static long number(String value, String what) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new IllegalArgumentException("Enter " + what + " (0 or more)");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Enter " + what + ", not '" + value + "'");
        }
    }

    private void applyFilter() {
        String header = headerFilter.get() == null ? "" : headerFilter.get().strip();
        int eq = header.indexOf('=');
        RecordFilter filter = new RecordFilter(filterText.get(), filterRegex.get(),
                eq < 0 ? header : header.substring(0, eq), eq < 0 ? "" : header.substring(eq + 1));
        String error = filter.regexError();
        filterError.set(error == null ? "" : error);
        boolean none = filter.text().isEmpty() && filter.headerName().isEmpty();
        visibleRecords.setPredicate(none || error != null ? null : row -> filter.test(row.preview()));
    }

    private void showProblem(Throwable e) {
        status.set(e instanceof ProblemException pe ? pe.problem().oneLine() : "Failed: " + e.getMessage());
    }
}
