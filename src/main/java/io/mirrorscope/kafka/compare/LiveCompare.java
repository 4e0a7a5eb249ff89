package io.mirrorscope.kafka.compare;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.records.DecodedValue;
import io.mirrorscope.core.records.Encoding;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaProblems;
import io.mirrorscope.kafka.KafkaTopicReading;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.TopicReader;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MirrorCompare} that a window drives: started live at a time, paused, resumed, restarted at another time
 * or on other partitions (a new matcher each time), with the latest snapshot, short previews of the newest source
 * records, and single records read on demand for a detail pane. Every method returns at once: starts, restarts and
 * the close run on one control thread (in call order), the compare on its own thread, reads of single records on
 * virtual threads. Read-only like the compare: consumers without a group, assign and seek, no commits.
 */
public final class LiveCompare implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCompare.class);
    /** Bytes of source previews kept: enough for the rows of several seconds at 10,000 records/s. */
    static final long PREVIEW_BUDGET_BYTES = 8L * 1024 * 1024;
    /** Value preview length: the table shows one line. */
    private static final RecordDecoder PREVIEW = new RecordDecoder(160, Encoding.HEX, false, true);
    private static final int HEADERS_CHARS = 200;

    /** Short text of a source record's value and headers ("name=value …"). */
    public record Preview(String value, String headers) {
        long bytes() {
            return 64L + 2L * (value.length() + headers.length());
        }
    }

    /** A source record and its first copy, read in full. */
    public record Records(RawRecord source, Optional<RawRecord> target) {
    }

    private final ConnectionSettings source;
    private final ConnectionSettings target;
    private final ConsumerOptions options;
    private final CompareRequest base;
    private final Clock clock;
    private final List<Integer> partitions;
    private final Consumer<RuntimeException> onFailure;
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("mirrorscope-compare-control").factory());
    private final Map<Long, Preview> previews = new LinkedHashMap<>();
    private long previewBytes;
    private volatile MirrorCompare current;
    private volatile Thread runner;
    private volatile MatchSnapshot latest;
    private volatile long generation;
    private volatile boolean closed;
    private KafkaTopicReading sourceReading;
    private KafkaTopicReading targetReading;

    private LiveCompare(ConnectionSettings source, ConnectionSettings target, ConsumerOptions options,
            CompareRequest base, Clock clock, List<Integer> partitions, Consumer<RuntimeException> onFailure) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.base = base;
        this.clock = clock;
        this.partitions = List.copyOf(partitions);
        this.onFailure = onFailure;
    }

    /**
     * Checks that both topics exist and reads the source's partitions. Blocking: call off the FX thread.
     *
     * @param request   topics, grace, window, pairing and offset syncs; its start and bounds are replaced by
     *                  {@link #start}
     * @param onFailure a run that fails (brokers gone, topic deleted) reports here, on the run's thread
     */
    public static LiveCompare open(ConnectionSettings source, ConnectionSettings target, ConsumerOptions options,
            CompareRequest request, Clock clock, Consumer<RuntimeException> onFailure) {
        Objects.requireNonNull(onFailure, "onFailure");
        List<Integer> parts = partitionsOf(source, options, request.topics().sourceTopic());
        partitionsOf(target, options, request.topics().targetTopic());
        return new LiveCompare(source, target, options, request, clock, parts, onFailure);
    }

    private static List<Integer> partitionsOf(ConnectionSettings settings, ConsumerOptions options, String topic) {
        try (var consumer = ReadOnlyClients.consumer(settings, options)) {
            return TopicReader.ranges(consumer, topic, List.of()).stream().map(PartitionRange::partition).toList();
        } catch (io.mirrorscope.core.ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KafkaProblems.exception(e, settings);
        }
    }

    public CompareRequest request() {
        return base;
    }

    /** Source partitions of the topic, as read by {@link #open}. */
    public List<Integer> partitions() {
        return partitions;
    }

    /**
     * Starts (or restarts) the live run: both sides from {@code fromMillis} (source time; the target where the
     * copies of it are), or from now when negative, on {@code chosen} partitions (all when empty). A run already
     * going is stopped first; its snapshot and previews are dropped.
     */
    public void start(long fromMillis, Set<Integer> chosen) {
        if (closed) {
            return; // a late click on a closing view
        }
        long gen = ++generation;
        latest = null;
        long from = fromMillis < 0 ? clock.millis() : fromMillis;
        CompareRequest request = base.withStart(new StartPosition.AtTime(from)).withLive(true).withDuration(null)
                .withMaxRecords(0).withPartitions(chosen);
        control.execute(() -> {
            stopCurrent();
            if (closed || gen != generation) {
                return; // a newer start or a close came in meanwhile
            }
            synchronized (previews) {
                previews.clear();
                previewBytes = 0;
            }
            MirrorCompare run = new MirrorCompare(source, target, options, request, clock)
                    .onSourceRecord(this::keepPreview);
            current = run;
            runner = Thread.ofPlatform().daemon().name("mirrorscope-compare-run").start(() -> {
                try {
                    run.run(s -> {
                        if (gen == generation) {
                            latest = s;
                        }
                    });
                } catch (RuntimeException e) {
                    if (gen == generation && !closed) {
                        LOG.warn("Compare of {} stopped: {}", base.topics(), e.toString());
                        onFailure.accept(e);
                    }
                }
            });
        });
    }

    public void pause() {
        MirrorCompare run = current;
        if (run != null) {
            run.pause();
        }
    }

    public void resume() {
        MirrorCompare run = current;
        if (run != null) {
            run.resume();
        }
    }

    /** True while a run reads both sides (started, not paused, not failed or closed). */
    public boolean live() {
        MirrorCompare run = current;
        Thread t = runner;
        return run != null && !run.paused() && t != null && t.isAlive();
    }

    /**
     * The latest snapshot of the current run, null before its first. Taking it tells the run, so the next
     * snapshot carries every record read since (a view that missed one for a slow frame loses no row).
     */
    public MatchSnapshot snapshot() {
        MatchSnapshot s = latest;
        MirrorCompare run = current;
        if (s != null && run != null) {
            run.taken(s);
        }
        return s;
    }

    /** Preview of a source record read by the current run, if it is still among the newest kept. */
    public Optional<Preview> preview(int partition, long offset) {
        synchronized (previews) {
            return Optional.ofNullable(previews.get(id(partition, offset)));
        }
    }

    /**
     * Reads a source record and its first copy in full, on a virtual thread.
     *
     * @param targetPartition -1 when the record has no copy
     */
    public CompletableFuture<Records> fetch(int partition, long offset, int targetPartition, long targetOffset) {
        CompletableFuture<Records> done = new CompletableFuture<>();
        Thread.ofVirtual().name("mirrorscope-compare-fetch").start(() -> {
            try {
                RawRecord s = sourceReading().record(base.topics().sourceTopic(), partition, offset)
                        .orElseThrow(() -> new io.mirrorscope.core.ProblemException(io.mirrorscope.core.Problem.of(
                                io.mirrorscope.core.Problem.Kind.NOT_FOUND, "Partition " + partition + " offset "
                                        + offset + " of " + base.topics().sourceTopic() + " is no longer there",
                                "Retention may have deleted it", "")));
                Optional<RawRecord> t = targetPartition < 0 ? Optional.empty()
                        : targetReading().record(base.topics().targetTopic(), targetPartition, targetOffset);
                done.complete(new Records(s, t));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private synchronized KafkaTopicReading sourceReading() {
        if (sourceReading == null) {
            sourceReading = new KafkaTopicReading(source, options);
        }
        return sourceReading;
    }

    private synchronized KafkaTopicReading targetReading() {
        if (targetReading == null) {
            targetReading = new KafkaTopicReading(target, options);
        }
        return targetReading;
    }

    /** Stops the run and releases its consumers, on the control thread; returns at once. */
    @Override
    public void close() {
        closed = true;
        generation++;
        control.execute(() -> {
            stopCurrent();
            synchronized (this) {
                if (sourceReading != null) {
                    sourceReading.close();
                }
                if (targetReading != null) {
                    targetReading.close();
                }
            }
        });
        control.shutdown();
    }

    /** Waits (on the control thread) until the closing is done; for tests and the app's exit. */
    public boolean awaitClosed(long millis) throws InterruptedException {
        return control.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    private void stopCurrent() {
        MirrorCompare run = current;
        Thread t = runner;
        current = null;
        runner = null;
        if (run == null) {
            return;
        }
        run.stop();
        try {
            t.join(options.apiTimeout().toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keepPreview(RawRecord r) {
        Preview p = previewOf(r);
        synchronized (previews) {
            Preview old = previews.put(id(r.partition(), r.offset()), p);
            previewBytes += p.bytes() - (old == null ? 0 : old.bytes());
            Iterator<Preview> oldest = previews.values().iterator();
            while (previewBytes > PREVIEW_BUDGET_BYTES && oldest.hasNext()) {
                previewBytes -= oldest.next().bytes();
                oldest.remove();
            }
        }
    }

    /** The value as the table's one line shows it, and the headers as "name=value" pairs. */
    public static Preview previewOf(RawRecord r) {
        DecodedValue v = PREVIEW.decode(r.value());
        String value = v.text() == null ? "" : v.truncated() ? v.text() + "…" : v.text();
        StringBuilder headers = new StringBuilder();
        for (RawRecord.Header h : r.headers()) {
            if (headers.length() >= HEADERS_CHARS) {
                headers.append(" …");
                break;
            }
            DecodedValue hv = PREVIEW.decode(h.value());
            headers.append(headers.isEmpty() ? "" : " ").append(h.name()).append('=')
                    .append(hv.text() == null ? "" : hv.text());
        }
        return new Preview(value.replace('\n', ' '), headers.toString());
    }

    private static long id(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }
}
