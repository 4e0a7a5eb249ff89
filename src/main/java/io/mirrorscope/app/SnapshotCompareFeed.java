package io.mirrorscope.app;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.mirror.DelayMethod;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.RecordFingerprint;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.kafka.compare.LiveCompare;
import io.mirrorscope.ui.sidebyside.CompareFeed;
import io.mirrorscope.ui.sidebyside.RecordPreview;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The side-by-side view's feed over a snapshot's saved mirror window: nothing is live. Started over the whole window
 * it shows the findings exactly as they were saved (what the colleague saw); a seek, or a choice of partitions,
 * pairs the saved raw records again with the same {@link RecordMatcher} a live compare uses, from that time on,
 * on {@code work} (never the FX thread). Previews and the detail pane read the saved raw records.
 *
 * <p>Re-pairing knows less than the live run did: arrival times are kept only as the saved pairs' delays (copies
 * whose delay was observed live get that arrival again; others fall back to the record timestamps), offset syncs
 * and source headers are not saved (such windows are paired again in order, every pair still confirmed by its
 * fingerprint), and records over the size cap are not there. {@link #note()} says which applies.
 */
final class SnapshotCompareFeed implements CompareFeed {

    private final MirrorWindow window;
    private final Sides sides;
    private final Executor work;
    private final Map<Long, RawRecord> sources = new HashMap<>();
    private final Map<Long, RawRecord> targets = new HashMap<>();
    /** Arrival of a copy as observed live (source timestamp + saved delay), by target coordinates. */
    private final Map<Long, Long> arrivals = new HashMap<>();
    private final List<Integer> partitions;
    private volatile MatchSnapshot snapshot;
    private volatile String note = "";
    /** Bumped by every start, so a re-pairing that a newer one replaced does not publish. */
    private volatile long generation;

    SnapshotCompareFeed(MirrorWindow window, Sides sides, Executor work) {
        this.window = window;
        this.sides = sides;
        this.work = work;
        window.sourceRecords().records().forEach(r -> sources.put(id(r.partition(), r.offset()), r));
        window.targetRecords().records().forEach(r -> targets.put(id(r.partition(), r.offset()), r));
        for (MatchSnapshot.PairRow p : window.findings().recentPairs()) {
            if (p.method() == DelayMethod.LIVE_OBSERVED && p.delayMs() >= 0 && p.targetPartition() >= 0) {
                arrivals.put(id(p.targetPartition(), p.targetOffset()), p.timestamp() + p.delayMs());
            }
        }
        TreeSet<Integer> all = new TreeSet<>();
        window.findings().partitions().forEach(p -> all.add(p.partition()));
        window.sourceRecords().records().forEach(r -> all.add(r.partition()));
        this.partitions = List.copyOf(all);
    }

    /** The window's side names from what the snapshot saved. */
    static Sides sidesOf(MirrorWindow w) {
        return new Sides(w.sourceBootstrap(), w.sourceTopic(), w.targetBootstrap(), w.targetTopic(),
                w.pairingReason().isEmpty() ? "as saved" : w.pairingReason());
    }

    /** What the shown findings are: "as saved", or how the re-pairing differs from the live run. */
    String note() {
        return note;
    }

    /** The saved sides; the mapping also says whether the findings are as saved or paired again (the header). */
    @Override
    public Sides sides() {
        String how = note;
        return how.isEmpty() ? sides : new Sides(sides.sourceBootstrap(), sides.sourceTopic(), sides.targetBootstrap(),
                sides.targetTopic(), sides.mapping() + " · " + how);
    }

    @Override
    public List<Integer> partitions() {
        return partitions;
    }

    @Override
    public void start(long fromMillis, Set<Integer> chosen) {
        long gen = ++generation;
        boolean whole = (fromMillis < 0 || fromMillis <= window.fromMillis())
                && (chosen.isEmpty() || chosen.containsAll(partitions));
        if (whole) {
            note = "as saved";
            snapshot = window.findings();
            return;
        }
        // the view cleared its table: the old findings must not come back in the pulses before the new ones land
        snapshot = null;
        work.execute(() -> {
            MatchSnapshot s = rematch(fromMillis, chosen);
            if (gen == generation) {
                snapshot = s;
            }
        });
    }

    @Override
    public void seek(long fromMillis, Set<Integer> chosen) {
        start(fromMillis, chosen);
    }

    /** Nothing is read: there is nothing to pause. */
    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public MatchSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public RecordPreview preview(int partition, long offset) {
        RawRecord r = sources.get(id(partition, offset));
        if (r == null) {
            return RecordPreview.NONE;
        }
        LiveCompare.Preview p = LiveCompare.previewOf(r);
        return new RecordPreview(p.value(), p.headers());
    }

    @Override
    public void fetch(int partition, long offset, int targetPartition, long targetOffset, Consumer<Pair> done,
            Consumer<Exception> failed) {
        RawRecord source = sources.get(id(partition, offset));
        if (source == null) {
            long dropped = window.sourceRecords().dropped();
            failed.accept(new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Partition " + partition
                    + " offset " + offset + " is not in the snapshot", dropped > 0 ? dropped
                    + " source records were over the snapshot's size cap when it was saved"
                    : "The snapshot holds " + sources.size() + " raw source records of this window",
                    "mirrorscope snapshot --mirror M --topic T --from TIME saves the window's raw records")));
            return;
        }
        Optional<RawRecord> copy = targetPartition < 0 ? Optional.empty()
                : Optional.ofNullable(targets.get(id(targetPartition, targetOffset)));
        done.accept(new Pair(source, copy));
    }

    @Override
    public void close() {
        generation++;
    }

    /** Pairs the saved records from {@code fromMillis} on (source and target by timestamp) on the chosen partitions. */
    MatchSnapshot rematch(long fromMillis, Set<Integer> chosen) {
        Pairing saved = window.findings().pairing();
        Pairing pairing = saved == Pairing.HEADERS || saved == Pairing.OFFSET_SYNCS ? Pairing.ORDER : saved;
        List<RawRecord> src = new ArrayList<>();
        for (RawRecord r : window.sourceRecords().records()) {
            if (r.timestamp() >= fromMillis && (chosen.isEmpty() || chosen.contains(r.partition()))) {
                src.add(r);
            }
        }
        // copies keep the source timestamp (MM2, CreateTime): the target starts where copies of the first record are
        List<RawRecord> tgt = new ArrayList<>();
        for (RawRecord r : window.targetRecords().records()) {
            if (r.timestamp() >= fromMillis && (pairing == Pairing.KEY || chosen.isEmpty()
                    || chosen.contains(r.partition()))) {
                tgt.add(r);
            }
        }
        MatcherConfig config = MatcherConfig.defaults().withPairing(pairing)
                .withCompacted(window.findings().compacted())
                .withWindow(Math.max(MatcherConfig.DEFAULT_WINDOW, src.size() + 1));
        RecordMatcher matcher = new RecordMatcher(config, null, window.startedAt());
        ranges(src, matcher::sourceRange);
        ranges(tgt, matcher::targetRange);
        RecordFingerprint prints = new RecordFingerprint();
        src.forEach(r -> matcher.addSource(prints.summarize(r, -1)));
        for (RawRecord r : tgt) {
            matcher.addTarget(prints.summarize(r, arrivals.getOrDefault(id(r.partition(), r.offset()), -1L)));
        }
        src.stream().map(RawRecord::partition).distinct().forEach(matcher::sourceComplete);
        matcher.finish(window.endedAt());
        List<String> notes = new ArrayList<>();
        notes.add("paired again from the saved records");
        if (pairing != saved) {
            notes.add("in order (the window was paired by " + saved.label() + ", which the snapshot does not keep)");
        }
        if (window.sourceRecords().dropped() + window.targetRecords().dropped() > 0) {
            notes.add((window.sourceRecords().dropped() + window.targetRecords().dropped())
                    + " records over the size cap are not in the snapshot");
        }
        note = String.join("; ", notes);
        return matcher.snapshot(src.size());
    }

    /** Tells the matcher each partition's saved offsets: read from the first kept record to the last. */
    private static void ranges(List<RawRecord> records, RangeSink sink) {
        Map<Integer, long[]> byPartition = new HashMap<>();
        for (RawRecord r : records) {
            long[] range = byPartition.computeIfAbsent(r.partition(), p -> new long[] {r.offset(), r.offset()});
            range[0] = Math.min(range[0], r.offset());
            range[1] = Math.max(range[1], r.offset());
        }
        byPartition.forEach((p, range) -> sink.range(p, range[0], range[0], range[1] + 1));
    }

    private interface RangeSink {
        void range(int partition, long readStart, long begin, long end);
    }

    private static long id(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }
}
