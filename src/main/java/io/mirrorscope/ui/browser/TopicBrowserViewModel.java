package io.mirrorscope.ui.browser;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordBuffer;
import io.mirrorscope.core.records.RecordFilter;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.core.records.TopicReading;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * The topic browser: topics, partitions with begin/end offsets (refreshed while shown), a record table bounded by
 * a byte budget and a row cap, fed by a live read, filters, a detail pane, seek, pause/resume and a rate limit.
 * Blocking calls run through {@link BackgroundWork}, whose failures land in this view's {@link #problems()}.
 * Records cross from the consumer thread through a {@link RecordBuffer} drained once per pulse ({@link #drain()}),
 * never one hand-off per record; rows keep previews only, and the detail pane reads a cut record again.
 */
public final class TopicBrowserViewModel {

    /**
     * @param cluster       the cluster's name, for messages
     * @param maxRows       rows the table keeps at most
     * @param byteBudget    bytes the table's rows may hold (previews and overhead); the oldest go first
     * @param previewBytes  bytes of each key, value and header value a row keeps
     * @param offsetRefresh how often the end offsets are read again while a topic is selected
     * @param silenceLimit  after this long without an answer the live tail says so
     * @param clock         time for the refresh, the silence and its "since HH:MM:SS"
     */
    public record Options(String cluster, int maxRows, long byteBudget, int previewBytes, Duration offsetRefresh,
                          Duration silenceLimit, Clock clock) {

        /** The byte budget the table starts with: 256 MiB. */
        public static final long DEFAULT_BYTE_BUDGET = 256L * 1024 * 1024;

        public static Options defaults(String cluster) {
            return new Options(cluster, 100_000, DEFAULT_BYTE_BUDGET, 4096, Duration.ofSeconds(3),
                    Duration.ofSeconds(10), Clock.systemDefaultZone());
        }

        public Options withMaxRows(int rows) {
            return new Options(cluster, rows, byteBudget, previewBytes, offsetRefresh, silenceLimit, clock);
        }

        public Options withByteBudget(long bytes) {
            return new Options(cluster, maxRows, bytes, previewBytes, offsetRefresh, silenceLimit, clock);
        }

        public Options withClock(Clock time) {
            return new Options(cluster, maxRows, byteBudget, previewBytes, offsetRefresh, silenceLimit, time);
        }
    }

    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

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
    private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper(this, "memoryText", "");
    private final ProblemSlot problems = new ProblemSlot();

    private final TopicReading source;
    private final BackgroundWork work;
    private final Options options;
    private SilenceSignal silence;
    private RecordBuffer buffer;
    private TopicReading.Tail tail;
    private String readTopic;
    private String liveStatus;
    private boolean silentShown;
    private long readGeneration;
    private long trimmed;
    private long bytesHeld;
    private boolean offsetsInFlight;
    private Instant offsetsAsked = Instant.MIN;

    public TopicBrowserViewModel(TopicReading source, BackgroundWork work, Options options) {
        this.source = source;
        this.work = work;
        this.options = options;
        this.silence = new SilenceSignal.LastAnswer(options.silenceLimit());
        filterText.addListener((o, a, b) -> applyFilter());
        filterRegex.addListener((o, a, b) -> applyFilter());
        headerFilter.addListener((o, a, b) -> applyFilter());
        selectedRecord.addListener((o, a, row) -> showDetail(row));
        selectedTopic.addListener((o, a, topic) -> loadPartitions(topic));
        rateLimit.addListener((o, a, b) -> {
            if (tail != null) {
                TopicReading.Tail t = tail;
                double limit = Math.max(0, b.doubleValue());
                background("Changing the rate limit", () -> t.setRateLimit(limit));
            }
        });
        publishMemory();
    }

    /** Replaces the derived silence signal (e.g. by one the Kafka tail reports). */
    void useSilenceSignal(SilenceSignal signal) {
        this.silence = signal;
    }

    /** This view's problem banner. */
    public ProblemSlot problems() {
        return problems;
    }

    /** What the table's rows hold against the byte budget, e.g. "3.2 MB of 256 MB". */
    public ReadOnlyStringProperty memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    /** Bytes the rows hold now (previews and overhead). */
    public long bytesHeld() {
        return bytesHeld;
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
        work.run("Loading the topics of " + options.cluster(), source::topics, problems, this::loadTopics, names -> {
            topics.setAll(names);
            status.set(names.size() + " topics");
            silence.answered(options.clock().instant());
        }, report -> status.set("No topics: see the problem above"));
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
        bytesHeld = 0;
        publishMemory();
        if (!selectedRecord.isBound()) {  // bound to the table's selection, which the clear empties
            selectedRecord.set(null);
        }
        boolean live = follow.get() || seekMode.get() == SeekMode.END;
        // The hand-off holds at most 64 MiB of full records between two pulses; the table holds previews.
        RecordBuffer next = new RecordBuffer(options.maxRows(), 64L * 1024 * 1024);
        buffer = next;
        long generation = ++readGeneration;
        reading.set(true);
        paused.set(false);
        readTopic = topic;
        liveStatus = live ? "Reading " + topic + " (live)" : null;
        silentShown = false;
        silence.answered(options.clock().instant());
        status.set("Reading " + topic + (live ? " (live)" : ""));
        double limit = Math.max(0, rateLimit.get());
        work.runQuietly("Starting to read " + topic, () -> source.open(topic, List.of(), start, live, limit, next,
                problem -> work.fx().execute(() -> ended(generation, problem))), problems, this::seek, opened -> {
                    if (generation == readGeneration) {
                        tail = opened;
                    } else {
                        background("Stopping a superseded read", opened::stop);
                    }
                }, report -> {
                    if (generation == readGeneration) {
                        reading.set(false);
                        status.set("Not reading: see the problem above");
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
        background(pause ? "Pausing the read" : "Resuming the read", pause ? t::pause : t::resume);
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
        Instant now = options.clock().instant();
        RecordBuffer b = buffer;
        if (b != null) {
            List<RawRecord> batch = b.drain();
            if (!batch.isEmpty()) {
                silence.answered(now);
                List<RecordRow> rows = new ArrayList<>(batch.size());
                for (RawRecord r : batch) {
                    RecordRow row = RecordRow.of(r, options.previewBytes());
                    rows.add(row);
                    bytesHeld += row.cost();
                }
                records.addAll(rows);
                evict();
                publishMemory();
            }
            dropped.set(b.dropped() + trimmed);
        }
        TopicReading.Tail t = tail;
        rateText.set(t == null ? "" : String.format(Locale.ROOT, "%.0f rec/s", t.rate()));
        if (selectedTopic.get() != null && !offsetsInFlight
                && !now.isBefore(offsetsAsked.plus(options.offsetRefresh()))) {
            loadPartitions(selectedTopic.get()); // live end offsets, not only on F5
        }
        showSilence(now);
    }

    /** Drops the oldest rows beyond the row cap or the byte budget (one removal, not one per row). */
    private void evict() {
        int excess = 0;
        long bytes = bytesHeld;
        int size = records.size();
        while (size - excess > 0 && (size - excess > options.maxRows() || bytes > options.byteBudget())) {
            bytes -= records.get(excess).cost();
            excess++;
        }
        if (excess > 0) {
            records.remove(0, excess);
            bytesHeld = bytes;
            trimmed += excess;
        }
    }

    private void publishMemory() {
        memoryText.set(megabytes(bytesHeld) + " of " + megabytes(options.byteBudget()));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, bytes < 10L * 1024 * 1024 ? "%.1f MB" : "%.0f MB", bytes / 1048576.0);
    }

    /** A live tail that heard nothing for too long says since when, and says "(live)" again once it hears. */
    private void showSilence(Instant now) {
        if (liveStatus == null || tail == null || paused.get()) {
            return;
        }
        Optional<Instant> since = silence.silentSince(now);
        if (since.isPresent()) {
            silentShown = true;
            status.set("Reading " + readTopic + ": no answer from " + options.cluster() + " since "
                    + LocalTime.ofInstant(since.get(), options.clock().getZone()).format(HH_MM_SS));
        } else if (silentShown) {
            silentShown = false;
            status.set(liveStatus);
        }
    }

    private void showDetail(RecordRow row) {
        if (row == null) {
            detail.set("");
            return;
        }
        String shown = RecordDetail.of(row.raw());
        if (!row.isCut()) {
            detail.set(shown);
            return;
        }
        detail.set(shown + "\n(A preview of " + row.fullSize() + " bytes; reading the full record…)");
        String topic = readTopic;
        work.runQuietly("Reading offset " + row.getOffset() + " of partition " + row.getPartition() + " again",
                () -> source.record(topic, row.getPartition(), row.getOffset()), problems,
                () -> showDetail(selectedRecord.get()), full -> {
                    if (selectedRecord.get() == row) {
                        detail.set(full.map(RecordDetail::of).orElse(shown
                                + "\n(A preview: the record is no longer on the broker.)"));
                    }
                });
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
        liveStatus = null;
        if (t != null) {
            background("Stopping the read", t::stop);
        }
    }

    /** A fire-and-forget call on the tail, through the one route that reports failures. */
    private void background(String label, Runnable call) {
        work.runQuietly(label, () -> {
            call.run();
            return null;
        }, problems, null, done -> { });
    }

    private void ended(long generation, Problem problem) {
        if (generation != readGeneration) {
            return;
        }
        drain();
        reading.set(false);
        tail = null;
        liveStatus = null;
        status.set(problem == null ? "Read " + records.size() + " records" : problem.oneLine());
    }

    private void loadPartitions(String topic) {
        if (topic == null) {
            partitions.clear();
            return;
        }
        offsetsInFlight = true;
        offsetsAsked = options.clock().instant();
        Callable<List<PartitionRange>> read = () -> source.partitions(topic);
        work.runQuietly("Reading the offsets of " + topic, read, problems, () -> loadPartitions(topic), ranges -> {
            offsetsInFlight = false;
            silence.answered(options.clock().instant());
            if (topic.equals(selectedTopic.get())) {
                partitions.setAll(ranges.stream().map(PartitionRow::of).toList());
            }
        }, report -> offsetsInFlight = false);
    }

    StartPosition startPosition() {
        String value = seekValue.get() == null ? "" : seekValue.get().strip();
        return switch (seekMode.get()) {
            case BEGINNING -> new StartPosition.Beginning();
            case END -> new StartPosition.End();
            case OFFSET -> new StartPosition.AtOffset(number(value, "an offset"));
            case LAST_N -> new StartPosition.LastN((int) Math.min(Integer.MAX_VALUE, number(value, "a count")));
            case TIME -> new StartPosition.AtTime(TimeSpec.parse(value, options.clock().instant(),
                    options.clock().getZone()));
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
}
