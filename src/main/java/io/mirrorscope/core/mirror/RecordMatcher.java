package io.mirrorscope.core.mirror;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairs source records with their copies on the target, one by one, and names what went wrong: missing records,
 * duplicates, delays, lag. Pure and single-threaded, like a stream operator: feed it summaries from both sides in
 * any interleaving ({@link #addSource}, {@link #addTarget}), move its clock ({@link #advance}), take
 * {@link #snapshot}s. It could run inside Apache Flink unchanged.
 *
 * <h2>Pairing</h2>
 * Records are grouped in lanes inside which the mirror keeps order: a source partition (MM2 keeps partition and
 * order; {@link Pairing#ORDER}, {@link Pairing#OFFSET_SYNCS}, {@link Pairing#HEADERS}) or a key
 * ({@link Pairing#KEY}: MM1 and re-partitioning copiers keep order per key). Each lane's copies form a subsequence
 * of its source records with re-sent ranges. A copy is looked for at the lane's cursor (the next source record not
 * yet copied), then where a re-sent range continues, then forward, then backward; source coordinates from headers
 * or offset syncs are tried first. Every pair is confirmed by the 128-bit fingerprint. A copy found ahead of the
 * cursor makes the skipped records missing: the target delivered a later record of their lane. A copy found behind
 * the cursor is a duplicate (or the late first copy of a record called missing, which then is no longer). A copy
 * not found waits until the source side has gone past it (its lane's source is complete, or has read records
 * stamped a grace period later), then counts as outside the window, expired, or unmatched.
 *
 * <h2>Missing, pending, expired</h2>
 * A record with no copy is pending until the target delivers a later record of its lane, or until its target
 * partition has been idle for the grace period (measured on the matcher's clock) and the record was read at least
 * that long ago. Records skipped before a lane's first copy when the target partition's log was truncated by
 * retention are expired, not missing; so are copies of source records that retention removed before they were read.
 *
 * <h2>Memory</h2>
 * At most {@link MatcherConfig#window()} source records are kept (oldest out first); counters are kept for the whole
 * run. A source record still pending when pushed out counts as {@code overflow}. Copies are kept only while they wait
 * for their source record ({@link #targetBacklog()}: a feed should pause the target side when it grows).
 */
public final class RecordMatcher {

    private static final byte PENDING = 0;
    private static final byte MATCHED = 1;
    private static final byte MISSING = 2;
    private static final byte EXPIRED = 3;
    private static final byte COMPACTED = 4;

    /**
     * A source record in the window and what became of it. The summary's fields are copied in (not referenced): one
     * object per retained record instead of two, and the fingerprint is where the alignment looks first.
     */
    private static final class Slot {
        final long fingerprintHi;
        final long fingerprintLo;
        final long offset;
        final long timestamp;
        final long arrival;
        final String keyPreview;
        final Lane lane;
        final int partition;
        final boolean logAppendTime;
        byte state;
        int copies;
        int targetPartition = -1;
        long targetOffset = -1;
        long delay = -1;
        DelayMethod method;

        Slot(RecordSummary rec, long arrival, Lane lane) {
            this.fingerprintHi = rec.fingerprintHi();
            this.fingerprintLo = rec.fingerprintLo();
            this.offset = rec.offset();
            this.timestamp = rec.timestamp();
            this.keyPreview = rec.keyPreview();
            this.partition = rec.partition();
            this.logAppendTime = rec.logAppendTime();
            this.arrival = arrival;
            this.lane = lane;
        }

        boolean sameContent(RecordSummary t) {
            return fingerprintLo == t.fingerprintLo() && fingerprintHi == t.fingerprintHi();
        }
    }

    /** Source records in the order the mirror keeps, and the copies waiting for theirs. */
    private static final class Lane {
        final long id;
        final int partition;
        Slot[] ring = new Slot[8];
        int head;
        int size;
        /** Index of the first source record the target has not gone past. */
        int cursor;
        /** Index where a re-sent range is expected to continue, -1 when none. */
        int replay = -1;
        boolean matchedAny;
        long firstSourceTimestamp = Long.MAX_VALUE;
        long lastSourceTimestamp = Long.MIN_VALUE;
        /** The newest timestamp of a source record pushed out of the window. */
        long evictedTimestamp = Long.MIN_VALUE;
        /** Copies not yet found, in target order; the head blocks the others (order is the point). */
        final ArrayDeque<RecordSummary> held = new ArrayDeque<>(0);
        /** For the held head: index from which the forward scan continues, and whether it looked backward. */
        int headScanned;
        boolean headBackDone;

        Lane(long id, int partition) {
            this.id = id;
            this.partition = partition;
        }

        Slot get(int i) {
            return ring[(head + i) & (ring.length - 1)];
        }

        void append(Slot s) {
            if (size == ring.length) {
                Slot[] bigger = new Slot[ring.length * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = get(i);
                }
                ring = bigger;
                head = 0;
            }
            ring[(head + size) & (ring.length - 1)] = s;
            size++;
            firstSourceTimestamp = Math.min(firstSourceTimestamp, s.timestamp);
            lastSourceTimestamp = Math.max(lastSourceTimestamp, s.timestamp);
        }

        void removeHead() {
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
            cursor = Math.max(0, cursor - 1);
            replay = replay <= 0 ? -1 : replay - 1;
            headScanned = Math.max(0, headScanned - 1);
        }

        /** Index of the source record at {@code offset} (offsets rise along a lane of one partition), or -1. */
        int indexOfOffset(long offset) {
            int lo = 0;
            int hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long o = get(mid).offset;
                if (o < offset) {
                    lo = mid + 1;
                } else if (o > offset) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }
    }

    /** Per partition number: source side and target side of the same partition. */
    private static final class Part {
        final int partition;
        Lane lane;
        long sourceBegin = -1;
        long sourceEnd = -1;
        long sourceReadStart = -1;
        long targetBegin = -1;
        long targetEnd = -1;
        long targetReadStart = -1;
        boolean sourceComplete;
        long sourceRecords;
        long targetRecords;
        long maxSourceOffset = -1;
        long lastMirrored = -1;
        long missing;
        long duplicates;
        long pending;
        long lastTargetArrival;

        Part(int partition, long now) {
            this.partition = partition;
            this.lastTargetArrival = now;
        }

        boolean sourceTruncated() {
            return sourceBegin > 0 && sourceReadStart >= 0 && sourceReadStart <= sourceBegin;
        }

        boolean targetTruncated() {
            return targetBegin > 0 && targetReadStart >= 0 && targetReadStart <= targetBegin;
        }
    }

    private record Coordinates(int partition, long offset) {
    }

    private static final class DuplicateBuilder {
        final Slot slot;
        final List<Long> offsets = new ArrayList<>(3);

        DuplicateBuilder(Slot slot) {
            this.slot = slot;
            offsets.add(slot.targetOffset);
        }
    }

    private final MatcherConfig config;
    private final OffsetSyncs syncs;
    private final boolean byKey;
    private final ArrayList<Part> parts = new ArrayList<>();
    private final HashMap<Long, Lane> keyLanes = new HashMap<>();
    private final ArrayDeque<Slot> window = new ArrayDeque<>();
    /** Fingerprints of the source records in the window: a copy whose fingerprint is not here needs no scan. */
    private final FingerprintCounts inWindow;
    private final LinkedHashMap<Coordinates, Slot> missingFound = new LinkedHashMap<>();
    private final LinkedHashMap<Coordinates, DuplicateBuilder> duplicatesFound = new LinkedHashMap<>();
    private final DelayHistogram histogram = new DelayHistogram();
    private final EnumMap<DelayMethod, Long> byMethod = new EnumMap<>(DelayMethod.class);
    private boolean findingsTruncated;
    private boolean allSourceComplete;
    private long now;
    private long lastTargetArrivalAny;

    private long sourceRecords;
    private long targetRecords;
    private long matched;
    private long missing;
    private long duplicates;
    private long pending;
    private long expired;
    private long compactedAway;
    private long targetUnmatched;
    private long targetOutsideWindow;
    private long overflow;
    private long targetBacklog;
    private long fingerprintMismatch;

    /**
     * A matcher.
     *
     * @param config  pairing, window, grace
     * @param syncs   MM2's offset syncs for {@link Pairing#OFFSET_SYNCS} (the caller may keep adding to them);
     *                null otherwise
     * @param nowMillis the clock at the start (epoch ms)
     */
    public RecordMatcher(MatcherConfig config, OffsetSyncs syncs, long nowMillis) {
        this.config = Objects.requireNonNull(config, "config");
        this.syncs = syncs;
        this.byKey = config.pairing() == Pairing.KEY;
        this.inWindow = new FingerprintCounts(config.window());
        this.now = nowMillis;
        this.lastTargetArrivalAny = nowMillis;
    }

    public MatcherConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- inputs

    /** Source offsets of a partition: where the read starts, and the earliest and end offsets available. */
    public void sourceRange(int partition, long readStart, long begin, long end) {
        Part p = part(partition);
        if (readStart >= 0 && p.sourceReadStart < 0) {
            p.sourceReadStart = readStart;
        }
        p.sourceBegin = begin;
        p.sourceEnd = Math.max(p.sourceEnd, end);
    }

    /** Target offsets of the same partition number (see {@link #sourceRange}). */
    public void targetRange(int partition, long readStart, long begin, long end) {
        Part p = part(partition);
        if (readStart >= 0 && p.targetReadStart < 0) {
            p.targetReadStart = readStart;
        }
        p.targetBegin = begin;
        p.targetEnd = Math.max(p.targetEnd, end);
    }

    /** The source read of a partition is over (a bounded run reached its stop): nothing more will come. */
    public void sourceComplete(int partition) {
        Part p = part(partition);
        p.sourceComplete = true;
        if (!byKey && p.lane != null) {
            drain(p.lane);
        }
    }

    /** Moves the matcher's clock: records left uncopied while their target partition idles become missing. */
    public void advance(long nowMillis) {
        now = Math.max(now, nowMillis);
        long limit = now - config.graceMillis();
        if (byKey) {
            if (now - lastTargetArrivalAny >= config.graceMillis()) {
                for (Lane lane : new ArrayList<>(keyLanes.values())) {
                    idle(lane, limit);
                }
            }
            return;
        }
        for (Part p : parts) {
            if (p != null && p.lane != null && now - p.lastTargetArrival >= config.graceMillis()) {
                idle(p.lane, limit);
            }
        }
    }

    /** Ends a run: every source read is complete; copies still unfound are classified; the clock moves. */
    public void finish(long nowMillis) {
        allSourceComplete = true;
        for (Part p : parts) {
            if (p != null) {
                p.sourceComplete = true;
            }
        }
        for (Lane lane : lanes()) {
            drain(lane);
        }
        advance(nowMillis);
    }

    /** A source record, in its partition's offset order. */
    public void addSource(RecordSummary rec) {
        Part p = part(rec.partition());
        p.sourceRecords++;
        sourceRecords++;
        p.maxSourceOffset = Math.max(p.maxSourceOffset, rec.offset());
        Lane lane = byKey ? keyLane(laneKey(rec)) : sourceLane(p);
        Slot slot = new Slot(rec, now, lane);
        lane.append(slot);
        window.addLast(slot);
        inWindow.add(slot.fingerprintLo);
        pending++;
        p.pending++;
        if (!lane.held.isEmpty()) {
            drain(lane);
        }
        while (window.size() > config.window()) {
            evict(window.pollFirst());
        }
    }

    /** A target record, in its partition's offset order. */
    public void addTarget(RecordSummary rec) {
        Part tp = part(rec.partition());
        tp.targetRecords++;
        targetRecords++;
        tp.lastTargetArrival = now;
        lastTargetArrivalAny = now;
        RecordSummary t = rec;
        if (config.pairing() == Pairing.OFFSET_SYNCS && syncs != null && !t.hasSourceCoordinates()) {
            long upstream = syncs.upstreamOf(t.partition(), t.offset());
            if (upstream >= 0) {
                t = t.withSourceCoordinates(t.partition(), upstream);
            }
        }
        Lane lane;
        if (byKey) {
            lane = keyLane(laneKey(t));
        } else if (config.pairing() == Pairing.HEADERS && t.hasSourceCoordinates()) {
            lane = sourceLane(part(t.sourcePartition()));
        } else {
            lane = sourceLane(tp);
        }
        if (lane.held.isEmpty() && !t.hasSourceCoordinates() && lane.cursor < lane.size
                && lane.get(lane.cursor).sameContent(t)) {
            pair(lane, lane.cursor, t);  // the common case: the next copy in order, nothing waiting before it
            return;
        }
        lane.held.addLast(t);
        targetBacklog++;
        drain(lane);
    }

    // ---------------------------------------------------------------- the alignment

    private void drain(Lane lane) {
        while (!lane.held.isEmpty()) {
            RecordSummary t = lane.held.peekFirst();
            int j = find(lane, t);
            if (j >= 0) {
                pair(lane, j, t);
            } else if (sourcePassed(lane, t)) {
                unfound(lane, t);
            } else {
                return;
            }
            lane.held.pollFirst();
            targetBacklog--;
            lane.headScanned = 0;
            lane.headBackDone = false;
        }
        if (byKey && lane.size == 0 && lane.held.isEmpty()) {
            keyLanes.remove(lane.id);
        }
    }

    private int find(Lane lane, RecordSummary t) {
        if (t.hasSourceCoordinates() && lane.partition >= 0 && lane.partition == t.sourcePartition()) {
            int j = lane.indexOfOffset(t.sourceOffset());
            if (j >= 0) {
                if (lane.get(j).sameContent(t)) {
                    return j;
                }
                fingerprintMismatch++;
            }
        }
        int size = lane.size;
        int c = lane.cursor;
        if (c < size && lane.get(c).sameContent(t)) {
            return c;
        }
        int r = lane.replay;
        if (r >= 0 && r < size && lane.get(r).sameContent(t)) {
            return r;
        }
        if (!inWindow.contains(t.fingerprintLo())) {
            // no source record in the window has this content (the target read is ahead): nothing to scan for;
            // without this, a target read running ahead scans its whole lane backward for every copy
            return -1;
        }
        for (int i = Math.max(c + 1, lane.headScanned); i < size; i++) {
            if (lane.get(i).sameContent(t)) {
                return i;
            }
        }
        lane.headScanned = Math.max(lane.headScanned, size);
        if (!lane.headBackDone) {
            for (int i = Math.min(c, size) - 1; i >= 0; i--) {
                if (lane.get(i).sameContent(t)) {
                    return i;
                }
            }
            lane.headBackDone = true;
        }
        return -1;
    }

    /** True when the source side will not deliver this copy's record any more. */
    private boolean sourcePassed(Lane lane, RecordSummary t) {
        boolean complete = byKey || lane.partition < 0 ? allSourceComplete : part(lane.partition).sourceComplete;
        return complete || lane.lastSourceTimestamp > t.timestamp() + config.graceMillis()
                || t.timestamp() <= lane.evictedTimestamp;
    }

    private void pair(Lane lane, int j, RecordSummary t) {
        Slot s = lane.get(j);
        if (s.state == MATCHED) {
            duplicate(lane, j, s, t);
            return;
        }
        if (j > lane.cursor) {
            byte skipped = config.compacted() ? COMPACTED
                    : !lane.matchedAny && part(t.partition()).targetTruncated() ? EXPIRED : MISSING;
            for (int i = lane.cursor; i < j; i++) {
                Slot k = lane.get(i);
                if (k.state == PENDING) {
                    settle(k, skipped);
                }
            }
        }
        if (s.state == MISSING) {
            missing--;
            part(s.partition).missing--;
            missingFound.remove(new Coordinates(s.partition, s.offset));
        } else if (s.state == EXPIRED) {
            expired--;
        } else if (s.state == COMPACTED) {
            compactedAway--;
        } else {
            pending--;
            part(s.partition).pending--;
        }
        s.state = MATCHED;
        s.copies = 1;
        s.targetPartition = t.partition();
        s.targetOffset = t.offset();
        delay(s, t);
        matched++;
        lane.matchedAny = true;
        Part sp = part(s.partition);
        sp.lastMirrored = Math.max(sp.lastMirrored, s.offset);
        if (j >= lane.cursor) {
            lane.cursor = j + 1;
            lane.replay = -1;
        } else {
            lane.replay = j + 1;
        }
    }

    private void duplicate(Lane lane, int j, Slot s, RecordSummary t) {
        s.copies++;
        duplicates++;
        part(s.partition).duplicates++;
        lane.replay = j + 1;
        Coordinates at = new Coordinates(s.partition, s.offset);
        DuplicateBuilder b = duplicatesFound.get(at);
        if (b == null) {
            if (!room()) {
                return;
            }
            b = new DuplicateBuilder(s);
            duplicatesFound.put(at, b);
        }
        b.offsets.add(t.offset());
    }

    private void settle(Slot k, byte state) {
        pending--;
        Part p = part(k.partition);
        p.pending--;
        k.state = state;
        switch (state) {
            case MISSING -> {
                missing++;
                p.missing++;
                if (room()) {
                    missingFound.put(new Coordinates(k.partition, k.offset), k);
                }
            }
            case EXPIRED -> expired++;
            case COMPACTED -> compactedAway++;
            default -> throw new IllegalStateException("not a final state: " + state);
        }
    }

    private boolean room() {
        if (missingFound.size() + duplicatesFound.size() < config.maxFindings()) {
            return true;
        }
        findingsTruncated = true;
        return false;
    }

    /** A copy whose source record is not in the window (and will not come). */
    private void unfound(Lane lane, RecordSummary t) {
        Part sp = lane.partition >= 0 ? part(lane.partition) : null;
        if (config.compacted()) {
            compactedAway++;
        } else if (t.timestamp() <= lane.evictedTimestamp) {
            targetOutsideWindow++;  // its source record already left the window
        } else if (sp != null && sp.sourceTruncated() && lane.firstSourceTimestamp != Long.MAX_VALUE
                && t.timestamp() < lane.firstSourceTimestamp) {
            // a copy of a source record retention removed before it could be read
            expired++;
        } else if (lane.size == 0 || t.timestamp() < lane.firstSourceTimestamp) {
            targetOutsideWindow++;
        } else if (t.timestamp() >= lane.lastSourceTimestamp && (sp == null || sp.sourceComplete)) {
            // a copy of a record newer than the source read: the target delivered a later record of this lane
            targetOutsideWindow++;
            if (!config.compacted()) {
                byte skipped = !lane.matchedAny && part(t.partition()).targetTruncated() ? EXPIRED : MISSING;
                for (int i = lane.cursor; i < lane.size; i++) {
                    Slot k = lane.get(i);
                    if (k.state == PENDING) {
                        settle(k, skipped);
                    }
                }
                lane.cursor = lane.size;
            }
        } else {
            targetUnmatched++;
        }
    }

    private void idle(Lane lane, long limit) {
        if (!lane.held.isEmpty()) {
            return;
        }
        int i = lane.cursor;
        while (i < lane.size && lane.get(i).arrival <= limit) {
            Slot k = lane.get(i);
            if (k.state == PENDING) {
                settle(k, MISSING);
            }
            i++;
        }
        lane.cursor = i;
    }

    private void delay(Slot s, RecordSummary t) {
        DelayMethod m;
        long d;
        if (t.logAppendTime() && !s.logAppendTime) {
            m = DelayMethod.LOG_APPEND_TIME;
            d = t.timestamp() - s.timestamp;
        } else if (t.observedAt() >= 0) {
            m = DelayMethod.LIVE_OBSERVED;
            d = t.observedAt() - s.timestamp;
        } else {
            s.method = DelayMethod.UNKNOWN;
            return;
        }
        d = Math.max(0, d);
        s.method = m;
        s.delay = d;
        histogram.record(d);
        byMethod.merge(m, 1L, Long::sum);
    }

    private void evict(Slot s) {
        inWindow.remove(s.fingerprintLo);
        Lane lane = s.lane;
        if (s.state == PENDING) {
            pending--;
            part(s.partition).pending--;
            overflow++;
        }
        if (lane.size > 0 && lane.get(0) == s) {
            lane.evictedTimestamp = Math.max(lane.evictedTimestamp, s.timestamp);
            lane.removeHead();
        }
        if (byKey && lane.size == 0 && lane.held.isEmpty()) {
            keyLanes.remove(lane.id);
        }
    }

    // ---------------------------------------------------------------- lanes and partitions

    private long laneKey(RecordSummary r) {
        // a null key pairs by content: each distinct record is its own lane
        return r.keyHash() != 0 ? r.keyHash() : r.fingerprintLo() | 1L;
    }

    private Lane keyLane(long key) {
        return keyLanes.computeIfAbsent(key, k -> new Lane(k, -1));
    }

    private Lane sourceLane(Part p) {
        if (p.lane == null) {
            p.lane = new Lane(p.partition, p.partition);
        }
        return p.lane;
    }

    private Part part(int partition) {
        while (parts.size() <= partition) {
            parts.add(null);
        }
        Part p = parts.get(partition);
        if (p == null) {
            p = new Part(partition, now);
            parts.set(partition, p);
        }
        return p;
    }

    private List<Lane> lanes() {
        if (byKey) {
            return new ArrayList<>(keyLanes.values());
        }
        List<Lane> out = new ArrayList<>();
        for (Part p : parts) {
            if (p != null && p.lane != null) {
                out.add(p.lane);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- outputs

    public long pending() {
        return pending;
    }

    public long missing() {
        return missing;
    }

    public long duplicates() {
        return duplicates;
    }

    public long matched() {
        return matched;
    }

    /** Source records added so far (the snapshot's {@code sourceRecords}). */
    public long sourceRecordsRead() {
        return sourceRecords;
    }

    /** Copies waiting for their source record to be read. */
    public long targetBacklog() {
        return targetBacklog;
    }

    /** Source records kept in the window now. */
    public int retained() {
        return window.size();
    }

    /** A snapshot with up to {@code recentPairs} rows of the most recent source records. */
    public MatchSnapshot snapshot(int recentPairs) {
        List<MatchSnapshot.PartitionState> partitions = new ArrayList<>();
        for (Part p : parts) {
            if (p != null) {
                partitions.add(partitionState(p));
            }
        }
        List<MatchSnapshot.MissingRecord> missingList = new ArrayList<>(missingFound.size());
        for (Slot s : missingFound.values()) {
            missingList.add(new MatchSnapshot.MissingRecord(s.partition, s.offset, s.timestamp,
                    s.keyPreview));
        }
        List<MatchSnapshot.DuplicateRecord> dupList = new ArrayList<>(duplicatesFound.size());
        for (DuplicateBuilder b : duplicatesFound.values()) {
            dupList.add(new MatchSnapshot.DuplicateRecord(b.slot.partition, b.slot.offset,
                    b.slot.timestamp, b.slot.keyPreview, b.slot.targetPartition, b.offsets));
        }
        List<MatchSnapshot.PairRow> rows = new ArrayList<>(Math.min(recentPairs, window.size()));
        Iterator<Slot> it = window.descendingIterator();
        while (rows.size() < recentPairs && it.hasNext()) {
            rows.add(row(it.next()));
        }
        java.util.Collections.reverse(rows);
        DelayMethod dominant = DelayMethod.UNKNOWN;
        long best = 0;
        for (Map.Entry<DelayMethod, Long> e : byMethod.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                dominant = e.getKey();
            }
        }
        MatchSnapshot.Delay delay = new MatchSnapshot.Delay(dominant, histogram.count(), histogram.percentile(0.50),
                histogram.percentile(0.99), histogram.max(), byMethod, List.of(histogram.buckets()));
        return new MatchSnapshot(config.pairing(), config.compacted(), now, sourceRecords, targetRecords, matched,
                missing, duplicates, pending, expired, compactedAway, targetUnmatched, targetOutsideWindow, overflow,
                targetBacklog, fingerprintMismatch, delay, partitions, missingList, dupList, findingsTruncated, rows);
    }

    private MatchSnapshot.PartitionState partitionState(Part p) {
        long lastSync = syncs == null ? -1 : syncs.lastMirroredUpstream(p.partition);
        long last = Math.max(p.lastMirrored, lastSync);
        long end = Math.max(p.sourceEnd, p.maxSourceOffset + 1);
        long from = Math.max(last + 1, Math.max(p.sourceReadStart, 0));
        long lag = p.sourceRecords == 0 && last < 0 ? 0 : Math.max(0, end - from);
        double lagSeconds = 0;
        if (lag > 0) {
            long oldest = oldestUncopiedTimestamp(p);
            lagSeconds = oldest == Long.MIN_VALUE ? 0 : Math.max(0, now - oldest) / 1000.0;
        }
        return new MatchSnapshot.PartitionState(p.partition, p.sourceBegin, end < 0 ? -1 : end, p.targetBegin,
                p.targetEnd, last, lag, lagSeconds, p.sourceRecords, p.targetRecords, p.missing, p.duplicates,
                p.pending);
    }

    private long oldestUncopiedTimestamp(Part p) {
        if (byKey || p.lane == null) {
            return Long.MIN_VALUE;
        }
        Lane lane = p.lane;
        for (int i = lane.cursor; i < lane.size; i++) {
            Slot s = lane.get(i);
            if (s.state == PENDING) {
                return s.timestamp;
            }
        }
        return Long.MIN_VALUE;
    }

    private static MatchSnapshot.PairRow row(Slot s) {
        MatchSnapshot.PairState state = switch (s.state) {
            case MATCHED -> MatchSnapshot.PairState.MATCHED;
            case MISSING -> MatchSnapshot.PairState.MISSING;
            case EXPIRED -> MatchSnapshot.PairState.EXPIRED;
            case COMPACTED -> MatchSnapshot.PairState.COMPACTED;
            default -> MatchSnapshot.PairState.PENDING;
        };
        return new MatchSnapshot.PairRow(s.partition, s.offset, s.timestamp, s.keyPreview,
                state, s.targetPartition, s.targetOffset, s.copies, s.delay,
                s.method == null ? DelayMethod.UNKNOWN : s.method);
    }
}
