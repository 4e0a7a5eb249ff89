package io.mirrorscope.kafka.compare;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.RecordFingerprint;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaProblems;
import io.mirrorscope.kafka.ReadOnlyAdmin;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Feeds a {@link RecordMatcher} from both clusters, read-only: one consumer per side (assign and seek, no group,
 * no commits, from {@link ReadOnlyClients}), both polled from the calling thread, records fingerprinted as they come
 * ({@link RecordFingerprint}) and handed to the matcher in poll order. Takes the earliest and end offsets of both
 * sides at the start and at the end, reads MM2's offset syncs when asked, and chooses the pairing: headers when the
 * user named them, offset syncs when any were read for the topic, key when the topic is compacted or the target has
 * another number of partitions (a re-partitioning copier), else order.
 *
 * <p>Blocking: run it off the FX thread. {@link #stop()} may be called from any thread.
 */
public final class MirrorCompare {

    private static final Duration IDLE_POLL = Duration.ofMillis(50);
    private static final long SNAPSHOT_EVERY_MS = 250;
    private static final long ADVANCE_EVERY_MS = 200;
    /**
     * The most pairs a snapshot carries. A snapshot carries the source records read since the previous one and as
     * many older ones as are still pending (the rows a view still has to update), not a fixed 1,000: at 10,000
     * records/s a fixed 1,000 lost 1,500 rows per 250 ms snapshot, and an idle run copied 1,000 rows for nothing.
     */
    static final int MAX_RECENT_PAIRS = 20_000;
    /** Rows a snapshot carries beyond the new and the pending ones (state changes just behind the pending). */
    static final int RECENT_MARGIN = 64;

    private final ConnectionSettings source;
    private final ConnectionSettings target;
    private final ConsumerOptions options;
    private final CompareRequest request;
    private final Clock clock;
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile Consumer<RawRecord> sourceTap;
    /** Source records counted by the newest snapshot a reader took ({@link #taken}); -1 when nobody says. */
    private volatile long takenUpTo = -1;
    private RecordTap tap = (s, r) -> { };
    private int keepPairs;
    private volatile org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> sourceConsumer;
    private volatile org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> targetConsumer;

    public MirrorCompare(ConnectionSettings source, ConnectionSettings target, ConsumerOptions options,
            CompareRequest request, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.request = Objects.requireNonNull(request, "request");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sees every record the compare matches, on the compare's thread (an incident snapshot keeps them). */
    @FunctionalInterface
    public interface RecordTap {
        /** A record read; {@code source} tells the side. Called on the compare's thread: keep it cheap. */
        void record(boolean source, RawRecord record);
    }

    /** Hands every matched record to {@code t} as well; call before {@link #run}. */
    public MirrorCompare tap(RecordTap t) {
        this.tap = t == null ? (s, r) -> { } : t;
        return this;
    }

    /** Keeps up to {@code n} pairs (the matched-record table) in the final snapshot; call before {@link #run}. */
    public MirrorCompare keepPairs(int n) {
        this.keepPairs = Math.max(0, n);
        return this;
    }

    /** Ends a live run (or a bounded one early); {@link #run} then returns what it has. */
    public void stop() {
        running = false;
        var s = sourceConsumer;
        var t = targetConsumer;
        if (s != null) {
            s.wakeup();
        }
        if (t != null) {
            t.wakeup();
        }
    }

    /**
     * Stops reading both sides where they are, without ending the run: the matcher's clock stops too, so nothing
     * turns missing while paused. No-op on a finished run.
     */
    public void pause() {
        paused = true;
    }

    /** Reads on from where {@link #pause()} stopped. */
    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /**
     * Hands every source record compared (after the time filter) to {@code tap} on the run's thread, before the
     * matcher reduces it to a fingerprint; a view keeps short previews of the newest ones. Set before {@link #run}.
     */
    public MirrorCompare onSourceRecord(Consumer<RawRecord> tap) {
        this.sourceTap = tap;
        return this;
    }

    /**
     * Says that a reader (a view) took {@code snapshot}: later snapshots carry every source record read since that
     * one, so a reader that skipped a snapshot (its thread was busy for longer than the snapshot interval) still
     * gets every new row. Without it, each snapshot carries the records read since the one before.
     */
    public void taken(MatchSnapshot snapshot) {
        takenUpTo = snapshot.sourceRecords();
    }

    /** Runs to the end (bounded, duration, or {@link #stop()}); snapshots go to {@code onSnapshot} as it goes. */
    public CompareResult run(Consumer<MatchSnapshot> onSnapshot) {
        long startedAt = clock.millis();
        String sourceTopic = request.topics().sourceTopic();
        String targetTopic = request.topics().targetTopic();
        List<String> notes = new ArrayList<>();

        OffsetSyncReader.Result syncs = null;
        if (request.offsetSyncsTopic() != null) {
            ConnectionSettings where = request.offsetSyncsOnTarget() ? target : source;
            syncs = side(where, () -> OffsetSyncReader.read(where, options, request.offsetSyncsTopic(), sourceTopic,
                    options.apiTimeout()));
            if (syncs.note() != null) {
                notes.add(syncs.note());
            }
        }
        boolean compacted = request.compacted() != null ? request.compacted() : side(source, this::sourceCompacted);

        try (var src = ReadOnlyClients.consumer(source, options); var tgt = ReadOnlyClients.consumer(target, options)) {
            sourceConsumer = src;
            targetConsumer = tgt;
            List<PartitionRange> sourceAll = side(source, () -> TopicReader.ranges(src, sourceTopic, List.of()));
            List<PartitionRange> targetAll = side(target, () -> TopicReader.ranges(tgt, targetTopic, List.of()));
            String[] reason = new String[1];
            Pairing pairing = choosePairing(syncs, compacted, sourceAll.size(), targetAll.size(), reason);
            // a choice of partitions applies to the target too, unless copies are paired per key (re-partitioned)
            List<PartitionRange> sourceRanges = chosen(sourceAll);
            List<PartitionRange> targetRanges = pairing == Pairing.KEY ? targetAll : chosen(targetAll);
            MatcherConfig config = MatcherConfig.defaults().withPairing(pairing).withCompacted(compacted)
                    .withWindow(request.window()).withGraceMillis(request.grace().toMillis());
            RecordMatcher matcher = new RecordMatcher(config, syncs == null ? null : syncs.syncs(), startedAt);

            SeekPlan sourcePlan = side(source, () -> TopicReader.plan(src, sourceTopic, sourceRanges,
                    request.start(), true));
            SeekPlan byTime = side(target, () -> TopicReader.plan(tgt, targetTopic, targetRanges,
                    request.start(), true));
            SeekPlan targetPlan = pairing == Pairing.KEY ? byTime
                    : startFromSyncs(syncs, sourcePlan, byTime, targetRanges, notes);
            Map<Integer, Long> stops = request.bounded() ? side(source, () -> sourceStops(src, sourceTopic,
                    sourceRanges, startedAt)) : Map.of();
            for (SeekPlan.PartitionStart s : sourcePlan.starts()) {
                PartitionRange r = range(sourceRanges, s.partition());
                matcher.sourceRange(s.partition(), s.start(), r.begin(), r.end());
            }
            Map<Integer, Long> targetEndAtStart = new HashMap<>();
            for (SeekPlan.PartitionStart s : targetPlan.starts()) {
                PartitionRange r = range(targetRanges, s.partition());
                matcher.targetRange(s.partition(), s.start(), r.begin(), r.end());
                targetEndAtStart.put(s.partition(), r.end());
            }
            side(source, () -> {
                TopicReader.assignAndSeek(src, sourceTopic, sourcePlan);
                return null;
            });
            side(target, () -> {
                TopicReader.assignAndSeek(tgt, targetTopic, targetPlan);
                return null;
            });

            Loop loop = new Loop(matcher, src, tgt, sourcePlan, targetPlan, stops, targetEndAtStart, onSnapshot);
            try {
                loop.run(startedAt);
            } catch (WakeupException stopped) {
                // stop() was called
            }
            List<PartitionRange> sourceEnd = chosen(side(source, () -> TopicReader.ranges(src, sourceTopic,
                    List.of())));
            List<PartitionRange> targetEndAll = side(target, () -> TopicReader.ranges(tgt, targetTopic, List.of()));
            List<PartitionRange> targetEnd = pairing == Pairing.KEY ? targetEndAll : chosen(targetEndAll);
            sourceEnd.forEach(r -> matcher.sourceRange(r.partition(), -1, r.begin(), r.end()));
            targetEnd.forEach(r -> matcher.targetRange(r.partition(), -1, r.begin(), r.end()));
            long endedAt = clock.millis();
            matcher.finish(endedAt);
            MatchSnapshot last = matcher.snapshot(keepPairs);
            onSnapshot.accept(last);
            if (last.overflow() > 0) {
                notes.add(last.overflow() + " source records left the " + request.window()
                        + "-record window before their copy was read: give a larger --window");
            }
            return new CompareResult(source.bootstrapServers(), target.bootstrapServers(), request.topics(), pairing,
                    reason[0], syncs == null ? 0 : syncs.syncs().count(), notes,
                    offsets(sourcePlan, sourceRanges, sourceEnd), offsets(targetPlan, targetRanges, targetEnd),
                    startedAt, endedAt, last);
        } finally {
            sourceConsumer = null;
            targetConsumer = null;
        }
    }

    /** The ranges of the partitions the request names (all when it names none). */
    private List<PartitionRange> chosen(List<PartitionRange> all) {
        if (request.partitions().isEmpty()) {
            return all;
        }
        List<PartitionRange> out = all.stream().filter(r -> request.partitions().contains(r.partition())).toList();
        if (out.isEmpty()) {
            throw new ProblemException(io.mirrorscope.core.Problem.of(io.mirrorscope.core.Problem.Kind.NOT_FOUND,
                    "Topic " + request.topics().sourceTopic() + " has no partition " + request.partitions(),
                    "It has " + all.size() + " partitions", "Choose partitions between 0 and " + (all.size() - 1)));
        }
        return out;
    }

    /** The poll loop and its state; everything here runs on the calling thread. */
    private final class Loop {
        final RecordMatcher matcher;
        final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> src;
        final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> tgt;
        final SeekPlan sourcePlan;
        final SeekPlan targetPlan;
        final Map<Integer, Long> stops;
        final Map<Integer, Long> targetEndAtStart;
        final Consumer<MatchSnapshot> onSnapshot;
        final RecordFingerprint sourcePrints = new RecordFingerprint();
        final RecordFingerprint targetPrints;
        final Map<Integer, Boolean> sourceOpen = new LinkedHashMap<>();
        long sourceRead;
        long sourceReadAtSnapshot;
        boolean wasPaused;
        boolean targetPaused;

        Loop(RecordMatcher matcher, org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> src,
                org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> tgt, SeekPlan sourcePlan,
                SeekPlan targetPlan, Map<Integer, Long> stops, Map<Integer, Long> targetEndAtStart,
                Consumer<MatchSnapshot> onSnapshot) {
            this.matcher = matcher;
            this.src = src;
            this.tgt = tgt;
            this.sourcePlan = sourcePlan;
            this.targetPlan = targetPlan;
            this.stops = stops;
            this.targetEndAtStart = targetEndAtStart;
            this.onSnapshot = onSnapshot;
            this.targetPrints = new RecordFingerprint(request.sourcePartitionHeader(), request.sourceOffsetHeader());
        }

        void run(long startedAt) {
            String sourceTopic = request.topics().sourceTopic();
            for (SeekPlan.PartitionStart s : sourcePlan.starts()) {
                sourceOpen.put(s.partition(), true);
                closeIfDone(s.partition(), s.start());
            }
            long deadline = request.duration() == null ? Long.MAX_VALUE
                    : startedAt + request.duration().toMillis();
            long sourceDoneAt = -1;
            long lastSnapshot = 0;
            long lastAdvance = 0;
            boolean busy = true;
            while (running) {
                if (paused) {
                    // no poll, no advance: the matcher's clock stands still, so no pending record idles into missing
                    pauseQuietly();
                    wasPaused = true;
                    continue;
                }
                if (wasPaused) {
                    wasPaused = false;
                    // copies written while paused were not seen arriving: their delay is unknown, not the pause
                    side(target, () -> tgt.endOffsets(tgt.assignment())).forEach((tp, end) ->
                            targetEndAtStart.put(tp.partition(), end));
                }
                long now = clock.millis();
                if (now >= deadline) {
                    return;
                }
                boolean sourceDone = request.bounded() && !sourceOpen.containsValue(true);
                if (sourceDone && sourceDoneAt < 0) {
                    sourceDoneAt = now;
                }
                if (sourceDone && ((matcher.pending() == 0 && matcher.targetBacklog() == 0)
                        || now - sourceDoneAt >= request.grace().toMillis())) {
                    return;
                }
                Duration wait = busy ? Duration.ZERO : IDLE_POLL;
                busy = false;
                if (!sourceDone) {
                    ConsumerRecords<byte[], byte[]> polled = side(source, () -> src.poll(wait));
                    if (paused) {
                        // pause() came while this poll waited: its records are read again after resume()
                        rewind(src, polled);
                        continue;
                    }
                    busy |= !polled.isEmpty();
                    for (TopicPartition tp : polled.partitions()) {
                        int p = tp.partition();
                        long stop = stops.getOrDefault(p, Long.MAX_VALUE);
                        for (ConsumerRecord<byte[], byte[]> r : polled.records(tp)) {
                            if (r.offset() >= stop || !sourceOpen.getOrDefault(p, false)
                                    || request.maxRecords() > 0 && sourceRead >= request.maxRecords()) {
                                break;
                            }
                            if (sourcePlan.shows(r.timestamp())) {
                                RawRecord raw = TopicReader.toRaw(r);
                                Consumer<RawRecord> preview = sourceTap;
                                if (preview != null) {
                                    preview.accept(raw);
                                }
                                matcher.addSource(sourcePrints.summarize(raw, -1));
                                tap.record(true, raw);
                                sourceRead++;
                            }
                        }
                        closeIfDone(p, side(source, () -> src.position(tp)));
                    }
                    if (request.maxRecords() > 0 && sourceRead >= request.maxRecords()) {
                        for (Integer p : new ArrayList<>(sourceOpen.keySet())) {
                            close(p);
                        }
                    }
                    if (sourceOpen.containsValue(false)) {
                        List<TopicPartition> closed = sourceOpen.entrySet().stream().filter(e -> !e.getValue())
                                .map(e -> new TopicPartition(sourceTopic, e.getKey())).toList();
                        src.pause(closed);
                    }
                }
                ConsumerRecords<byte[], byte[]> polled = side(target, () -> tgt.poll(wait));
                if (paused) {
                    rewind(tgt, polled);
                    continue;
                }
                busy |= !polled.isEmpty();
                now = clock.millis();
                for (TopicPartition tp : polled.partitions()) {
                    long liveFrom = targetEndAtStart.getOrDefault(tp.partition(), Long.MAX_VALUE);
                    for (ConsumerRecord<byte[], byte[]> r : polled.records(tp)) {
                        if (targetPlan.shows(r.timestamp())) {
                            RawRecord raw = TopicReader.toRaw(r);
                            matcher.addTarget(targetPrints.summarize(raw, r.offset() >= liveFrom ? now : -1));
                            tap.record(false, raw);
                        }
                    }
                }
                backpressure();
                // the matcher's clock (arrival times, idle target partitions) moves in steps: the idle scan of a
                // key-paired run visits every key, too much for every poll
                if (now - lastAdvance >= ADVANCE_EVERY_MS) {
                    lastAdvance = now;
                    matcher.advance(now);
                }
                if (now - lastSnapshot >= SNAPSHOT_EVERY_MS) {
                    lastSnapshot = now;
                    onSnapshot.accept(matcher.snapshot(recentPairs()));
                }
            }
        }

        /**
         * The records read since the last snapshot (or since the one a reader last {@linkplain #taken took}) and the
         * pending ones before them, at most MAX_RECENT_PAIRS.
         */
        private int recentPairs() {
            long since = takenUpTo >= 0 ? Math.min(takenUpTo, sourceReadAtSnapshot) : sourceReadAtSnapshot;
            long fresh = matcher.sourceRecordsRead() - since;
            sourceReadAtSnapshot = matcher.sourceRecordsRead();
            return (int) Math.min(MAX_RECENT_PAIRS, fresh + matcher.pending() + RECENT_MARGIN);
        }

        private void pauseQuietly() {
            try {
                Thread.sleep(IDLE_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        /** Copies far ahead of the source side wait in the matcher: stop fetching them while too many wait. */
        private void backpressure() {
            long backlog = matcher.targetBacklog();
            if (!targetPaused && backlog > request.window()) {
                tgt.pause(tgt.assignment());
                targetPaused = true;
            } else if (targetPaused && backlog < request.window() / 2) {
                tgt.resume(tgt.assignment());
                targetPaused = false;
            }
        }

        private void closeIfDone(int partition, long position) {
            if (request.bounded() && position >= stops.getOrDefault(partition, Long.MAX_VALUE)) {
                close(partition);
            }
        }

        private void close(int partition) {
            if (Boolean.TRUE.equals(sourceOpen.get(partition))) {
                sourceOpen.put(partition, false);
                matcher.sourceComplete(partition);
            }
        }
    }

    private Pairing choosePairing(OffsetSyncReader.Result syncs, boolean compacted, int sourcePartitions,
            int targetPartitions, String[] reason) {
        if (request.pairing() != null) {
            reason[0] = "chosen by the user";
            return request.pairing();
        }
        if (compacted) {
            reason[0] = "the source topic is compacted: only the newest record of a key survives";
            return Pairing.KEY;
        }
        if (request.sourcePartitionHeader() != null && request.sourceOffsetHeader() != null) {
            reason[0] = "copies name their source in headers " + request.sourcePartitionHeader() + " and "
                    + request.sourceOffsetHeader();
            return Pairing.HEADERS;
        }
        if (sourcePartitions != targetPartitions) {
            reason[0] = "the target has " + targetPartitions + " partitions, the source " + sourcePartitions
                    + ": copies are paired per key";
            return Pairing.KEY;
        }
        if (syncs != null && !syncs.syncs().isEmpty()) {
            reason[0] = syncs.syncs().count() + " offset syncs read from " + request.offsetSyncsTopic();
            return Pairing.OFFSET_SYNCS;
        }
        reason[0] = "the mirror keeps partitions and order (MirrorMaker 2)";
        return Pairing.ORDER;
    }

    /**
     * For a start by time: each target partition starts where the offset syncs put the copy of the source
     * partition's start offset (the latest sync at or below it), rather than at the target's own offset for the
     * time, which a copy's timestamp may not match (a mirror that sets its own timestamps, or re-sent copies with
     * older ones). Partitions without a usable sync keep the start by time.
     */
    private static SeekPlan startFromSyncs(OffsetSyncReader.Result syncs, SeekPlan sourcePlan, SeekPlan byTime,
            List<PartitionRange> targetRanges, List<String> notes) {
        if (syncs == null || syncs.syncs().isEmpty() || !sourcePlanStartsByTime(sourcePlan)) {
            return byTime;
        }
        List<SeekPlan.PartitionStart> starts = new ArrayList<>();
        int fromSyncs = 0;
        for (SeekPlan.PartitionStart t : byTime.starts()) {
            long downstream = sourcePlan.starts().stream().filter(s -> s.partition() == t.partition())
                    .mapToLong(s -> syncs.syncs().downstreamStartFor(s.partition(), s.start())).findFirst()
                    .orElse(-1);
            if (downstream < 0) {
                starts.add(t);
            } else {
                fromSyncs++;
                starts.add(new SeekPlan.PartitionStart(t.partition(),
                        range(targetRanges, t.partition()).clamp(downstream), t.stop()));
            }
        }
        if (fromSyncs > 0) {
            notes.add("target start taken from the offset syncs in " + fromSyncs + " of " + byTime.starts().size()
                    + " partitions (by time elsewhere)");
        }
        return new SeekPlan(starts, byTime.minTimestamp());
    }

    private static boolean sourcePlanStartsByTime(SeekPlan plan) {
        return plan.minTimestamp() != Long.MIN_VALUE;
    }

    private boolean sourceCompacted() {
        try (ReadOnlyAdmin admin = ReadOnlyClients.admin(source, options)) {
            String policy = admin.describeTopicConfig(request.topics().sourceTopic()).get("cleanup.policy");
            return policy != null && policy.contains("compact") && !policy.contains("delete");
        }
    }

    /** Per partition: the offset of now − grace (the bounded source read stops there), else the end offset. */
    private Map<Integer, Long> sourceStops(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> src,
            String topic, List<PartitionRange> ranges, long startedAt) {
        Map<TopicPartition, Long> query = new LinkedHashMap<>();
        ranges.forEach(r -> query.put(new TopicPartition(topic, r.partition()),
                startedAt - request.grace().toMillis()));
        Map<TopicPartition, OffsetAndTimestamp> found = src.offsetsForTimes(query);
        Map<Integer, Long> stops = new HashMap<>();
        for (PartitionRange r : ranges) {
            OffsetAndTimestamp at = found.get(new TopicPartition(topic, r.partition()));
            stops.put(r.partition(), at == null ? r.end() : Math.min(at.offset(), r.end()));
        }
        return stops;
    }

    private static PartitionRange range(List<PartitionRange> ranges, int partition) {
        return ranges.stream().filter(r -> r.partition() == partition).findFirst()
                .orElse(new PartitionRange(partition, 0, 0));
    }

    private static List<CompareResult.PartitionOffsets> offsets(SeekPlan plan, List<PartitionRange> atStart,
            List<PartitionRange> atEnd) {
        List<CompareResult.PartitionOffsets> out = new ArrayList<>();
        for (PartitionRange s : atStart) {
            PartitionRange e = range(atEnd, s.partition());
            long from = plan.starts().stream().filter(p -> p.partition() == s.partition())
                    .mapToLong(SeekPlan.PartitionStart::start).findFirst().orElse(s.end());
            out.add(new CompareResult.PartitionOffsets(s.partition(), from, s.begin(), s.end(), e.begin(), e.end()));
        }
        return out;
    }

    /** Runs a call against one side; a Kafka failure becomes a problem that names that side's brokers. */
    private static <T> T side(ConnectionSettings settings, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException | WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KafkaProblems.exception(e, settings);
        }
    }

    /**
     * Puts a consumer back before a batch it returned but nobody took (a pause came while it polled): nothing is
     * counted once {@link #pause()} has returned, and nothing is skipped either.
     */
    private static void rewind(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
                               ConsumerRecords<byte[], byte[]> polled) {
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = polled.records(tp);
            if (!records.isEmpty()) {
                consumer.seek(tp, records.getFirst().offset());
            }
        }
    }

    /** A start at the beginning, or at a time on both sides (MM2 keeps the source timestamp on the copy). */
    public static StartPosition startAt(Long epochMillis) {
        return epochMillis == null ? StartPosition.beginning() : new StartPosition.AtTime(epochMillis);
    }
}
