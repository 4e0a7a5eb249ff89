package io.mirrorscope.ui.browser;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordBuffer;
import io.mirrorscope.core.records.RecordDecoder;
import io.mirrorscope.core.records.RecordFilter;
import io.mirrorscope.core.records.RecordJson;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.core.records.TopicReading;
import io.mirrorscope.core.trace.TraceContext;
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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
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
     * @param keepBytes     bytes of each key, value and header value a row keeps whole (filters search them; the
     *                      detail pane reads a longer record again)
     * @param offsetRefresh how often the end offsets are read again while a topic is selected
     * @param silenceLimit  after this long without an answer the live tail says so
     * @param filterDelay   how long typing must pause before a filter pass starts (debounce)
     * @param clock         time for the refresh, the silence and its "since HH:MM:SS"
     */
    public record Options(String cluster, int maxRows, long byteBudget, int keepBytes, Duration offsetRefresh,
                          Duration silenceLimit, Duration filterDelay, Clock clock) {

        /** The byte budget the table starts with: 256 MiB. */
        public static final long DEFAULT_BYTE_BUDGET = 256L * 1024 * 1024;
        /** Values are kept whole up to the detail pane's cap, 1 MiB. */
        public static final int DEFAULT_KEEP_BYTES = 1024 * 1024;

        public static Options defaults(String cluster) {
            return new Options(cluster, 100_000, DEFAULT_BYTE_BUDGET, DEFAULT_KEEP_BYTES, Duration.ofSeconds(3),
                    Duration.ofSeconds(10), Duration.ofMillis(150), Clock.systemDefaultZone());
        }

        public Options withMaxRows(int rows) {
            return new Options(cluster, rows, byteBudget, keepBytes, offsetRefresh, silenceLimit, filterDelay, clock);
        }

        public Options withByteBudget(long bytes) {
            return new Options(cluster, maxRows, bytes, keepBytes, offsetRefresh, silenceLimit, filterDelay, clock);
        }

        public Options withKeepBytes(int bytes) {
            return new Options(cluster, maxRows, byteBudget, bytes, offsetRefresh, silenceLimit, filterDelay, clock);
        }

        public Options withFilterDelay(Duration delay) {
            return new Options(cluster, maxRows, byteBudget, keepBytes, offsetRefresh, silenceLimit, delay, clock);
        }

        public Options withClock(Clock time) {
            return new Options(cluster, maxRows, byteBudget, keepBytes, offsetRefresh, silenceLimit, filterDelay, time);
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
    private final ObservableList<Integer> partitionNumbers = FXCollections.observableArrayList();
    private final ObservableList<Integer> chosenPartitions = FXCollections.observableArrayList();
    private final BooleanProperty followNewest = new SimpleBooleanProperty(this, "followNewest", true);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", false);
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering", false);
    private final ObjectProperty<Consumer<RecordRef>> findOnMirror = new SimpleObjectProperty<>(this, "findOnMirror");
    private final ObjectProperty<Consumer<RecordRef>> openTrace = new SimpleObjectProperty<>(this, "openTrace");

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
    private long nextSeq;
    /** Bumped by every filter change; a pass whose number is no longer current is dropped (thread-safe read). */
    private final AtomicLong filterGeneration = new AtomicLong();
    /** What the last finished filter pass decided; null when no text or header filter is set. */
    private Predicate<RecordRow> textMatch;
    private Instant offsetsAsked = Instant.MIN;

    public TopicBrowserViewModel(TopicReading source, BackgroundWork work, Options options) {
        this.source = source;
        this.work = work;
        this.options = options;
        this.silence = new SilenceSignal.LastAnswer(options.silenceLimit());
        filterText.addListener((o, a, b) -> applyFilter());
        filterRegex.addListener((o, a, b) -> applyFilter());
        headerFilter.addListener((o, a, b) -> applyFilter());
        chosenPartitions.addListener((javafx.collections.ListChangeListener<Integer>) c -> applyPredicate());
        selectedRecord.addListener((o, a, row) -> showDetail(row));
        selectedTopic.addListener((o, a, topic) -> {
            chosenPartitions.clear();
            partitionNumbers.clear();
            loadPartitions(topic);
        });
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

    /**
     * Partition numbers of the selected topic, for the partition choice; replaced only when the set of partitions
     * changes (not at every offset refresh, which would clear what the user checked).
     */
    public ObservableList<Integer> partitionNumbers() {
        return partitionNumbers;
    }

    /**
     * The partitions chosen (empty for all): the table shows only their records at once, and the next read
     * ({@link #seek()}) reads only them, from the chosen position.
     */
    public ObservableList<Integer> chosenPartitions() {
        return chosenPartitions;
    }

    /**
     * Whether the table keeps the newest record in view. On when a live read starts; the view turns it off as soon
     * as the user scrolls up or picks a row, and "Jump to newest" turns it on again.
     */
    public BooleanProperty followNewestProperty() {
        return followNewest;
    }

    /** Whether the current read is a live tail (new records keep arriving). */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** True while a filter pass runs in the background (the table still shows the previous result). */
    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** The newest record held (the last to arrive), or null. */
    public RecordRow newestRecord() {
        return records.isEmpty() ? null : records.getLast();
    }

    // Record actions (context menu)

    /**
     * What "Find on the mirror" does with a record: the app sets it (opens the side-by-side view at the record);
     * null leaves the action disabled with a reason.
     */
    public void onFindOnMirror(Consumer<RecordRef> action) {
        findOnMirror.set(action);
    }

    /**
     * What "Open its trace" does with a record that carries a trace context: the app sets it (opens the trace
     * view); null leaves the action disabled with a reason.
     */
    public void onOpenTrace(Consumer<RecordRef> action) {
        openTrace.set(action);
    }

    /** The callbacks as properties, so menus can follow them being set later. */
    public ReadOnlyObjectProperty<Consumer<RecordRef>> findOnMirrorProperty() {
        return findOnMirror;
    }

    public ReadOnlyObjectProperty<Consumer<RecordRef>> openTraceProperty() {
        return openTrace;
    }

    /** {@code row} as another view needs it: cluster, topic, partition, offset, timestamp and trace context. */
    public RecordRef ref(RecordRow row) {
        TraceContext.Found found = TraceContext.fromRecord(row.raw());
        return new RecordRef(options.cluster(), readTopic != null ? readTopic : selectedTopic.get(),
                row.getPartition(), row.getOffset(), row.getTimestamp(), found.context());
    }

    /** Why "Find on the mirror" cannot run for {@code row}, or null when it can. */
    public String findOnMirrorBlocked(RecordRow row) {
        if (row == null) {
            return "Select a record first";
        }
        return findOnMirror.get() == null ? "No mirror view is connected to this browser" : null;
    }

    /** Why "Open its trace" cannot run for {@code row}, or null when it can. */
    public String openTraceBlocked(RecordRow row) {
        if (row == null) {
            return "Select a record first";
        }
        if (openTrace.get() == null) {
            return "No trace view is connected to this browser";
        }
        TraceContext.Found found = TraceContext.fromRecord(row.raw());
        if (!found.present()) {
            return found.warnings().isEmpty()
                    ? "The record has no trace header (traceparent, uber-trace-id or b3)"
                    : "The record's trace header cannot be read: " + String.join("; ", found.warnings());
        }
        return null;
    }

    /** Runs "Find on the mirror" for {@code row}, when it can run. */
    public void findOnMirror(RecordRow row) {
        if (findOnMirrorBlocked(row) == null) {
            findOnMirror.get().accept(ref(row));
        }
    }

    /** Runs "Open its trace" for {@code row}, when it can run. */
    public void openTrace(RecordRow row) {
        if (openTraceBlocked(row) == null) {
            openTrace.get().accept(ref(row));
        }
    }

    /** The value as text, whole as the row holds it (hex for binary, empty for a tombstone): "Copy value". */
    public static String valueText(RecordRow row) {
        String text = RecordRow.SEARCH.decode(row.raw().value()).text();
        return text == null ? "" : text;
    }

    /** The key as text (hex for binary, empty when absent): "Copy key". */
    public static String keyText(RecordRow row) {
        String text = RecordRow.SEARCH.decode(row.raw().key()).text();
        return text == null ? "" : text;
    }

    /** The row as one line of JSON, as {@code mirrorscope records -o json} prints it: "Copy row as JSON". */
    public static String rowJson(RecordRow row) {
        return RecordJson.line(RecordDecoder.CLI.decode(row.raw()));
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
        List<Integer> only = chosenPartitions.stream().sorted().toList();
        bytesHeld = 0;
        publishMemory();
        if (!selectedRecord.isBound()) {  // bound to the table's selection, which the clear empties
            selectedRecord.set(null);
        }
        boolean live = follow.get() || seekMode.get() == SeekMode.END;
        this.live.set(live);
        followNewest.set(live);
        // The hand-off holds at most 64 MiB of full records between two pulses; rows keep up to keepBytes a value.
        RecordBuffer next = new RecordBuffer(options.maxRows(), 64L * 1024 * 1024);
        buffer = next;
        long generation = ++readGeneration;
        reading.set(true);
        paused.set(false);
        readTopic = topic;
        silentShown = false;
        silence.answered(options.clock().instant());
        String which = only.isEmpty() ? "" : (only.size() == 1 ? ", partition " : ", partitions ")
                + only.stream().map(String::valueOf).collect(Collectors.joining(", "));
        liveStatus = live ? "Reading " + topic + which + " (live)" : null;
        status.set("Reading " + topic + which + (live ? " (live)" : ""));
        double limit = Math.max(0, rateLimit.get());
        work.runQuietly("Starting to read " + topic, () -> source.open(topic, only, start, live, limit, next,
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
        live.set(false);
        paused.set(false);
        status.set("Stopped");
    }

    /**
     * Moves what the consumer thread buffered into the table; call once per pulse on the FX thread. Returns true
     * when rows arrived (the view then follows the newest).
     */
    public boolean drain() {
        boolean arrived = false;
        Instant now = options.clock().instant();
        RecordBuffer b = buffer;
        if (b != null) {
            List<RawRecord> batch = b.drain();
            if (!batch.isEmpty()) {
                silence.answered(now);
                List<RecordRow> rows = new ArrayList<>(batch.size());
                for (RawRecord r : batch) {
                    RecordRow row = RecordRow.of(r, options.keepBytes(), nextSeq++);
                    rows.add(row);
                    bytesHeld += row.cost();
                }
                records.addAll(rows);
                evict();
                publishMemory();
                arrived = true;
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
        return arrived;
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
        live.set(false);
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
                List<Integer> numbers = ranges.stream().map(PartitionRange::partition).sorted().toList();
                if (!numbers.equals(partitionNumbers)) {
                    partitionNumbers.setAll(numbers);
                }
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

    /**
     * A filter changed: after {@link Options#filterDelay()} without another change, one pass over the rows held now
     * runs off the FX thread, the pattern compiled once, on whole values; the table keeps the previous result until
     * the pass ends, then shows its result. Rows that arrive later are tested as they arrive.
     */
    private void applyFilter() {
        String header = headerFilter.get() == null ? "" : headerFilter.get().strip();
        int eq = header.indexOf('=');
        RecordFilter filter = new RecordFilter(filterText.get(), filterRegex.get(),
                eq < 0 ? header : header.substring(0, eq), eq < 0 ? "" : header.substring(eq + 1));
        String error = filter.regexError();
        filterError.set(error == null ? "" : error);
        long generation = filterGeneration.incrementAndGet();
        if (filter.isEmpty() || error != null) {
            filtering.set(false);
            textMatch = null;
            applyPredicate();
            return;
        }
        RecordRow[] rows = records.toArray(new RecordRow[0]);
        Predicate<DecodedRecord> test = filter.compiled();
        long delay = options.filterDelay().toMillis();
        filtering.set(true);
        work.runQuietly("Filtering the records", () -> {
            if (delay > 0) {
                Thread.sleep(delay);
            }
            return filterGeneration.get() == generation ? FilterPass.run(rows, test, filterGeneration, generation)
                    : null;
        }, problems, null, pass -> {
            if (pass != null && filterGeneration.get() == generation) {
                filtering.set(false);
                textMatch = pass.predicate(test);
                applyPredicate();
            }
        }, report -> filtering.set(false));
    }

    /** The table's predicate: the chosen partitions and the last filter pass's result; cheap, on the FX thread. */
    private void applyPredicate() {
        Set<Integer> only = chosenPartitions.isEmpty() ? null : Set.copyOf(chosenPartitions);
        Predicate<RecordRow> text = textMatch;
        visibleRecords.setPredicate(only == null && text == null ? null
                : row -> (only == null || only.contains(row.getPartition())) && (text == null || text.test(row)));
    }
}
