package io.mirrorscope.core.mirror;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * MirrorMaker 2's offset syncs of one topic: sparse (upstream, downstream) offset pairs per partition, as read from
 * {@code mm2-offset-syncs.<target>.internal}. MM2 writes one at least every {@code offset.lag.max} records, and at
 * once after an upstream gap or a restart; between two consecutive syncs upstream offsets are contiguous, so when
 * both deltas are equal, a copy's source offset is {@code upstream + (downstream - syncDownstream)}. A larger
 * downstream delta holds extra copies: there no offset is given and the matcher aligns by order.
 */
public final class OffsetSyncs {

    /** partition → downstream offset → upstream offset. */
    private final Map<Integer, TreeMap<Long, Long>> byPartition = new HashMap<>();
    private long count;

    /** Adds a sync (later syncs for the same downstream offset replace earlier ones). */
    public void add(int partition, long upstream, long downstream) {
        byPartition.computeIfAbsent(partition, p -> new TreeMap<>()).put(downstream, upstream);
        count++;
    }

    /** Number of syncs read. */
    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The source offset of the copy at {@code downstream}, or -1 when the syncs do not say: no sync at or before
     * it, or the next sync shows extra copies (a re-sent range) or a gap between the two.
     */
    public long upstreamOf(int partition, long downstream) {
        TreeMap<Long, Long> syncs = byPartition.get(partition);
        if (syncs == null) {
            return -1;
        }
        Map.Entry<Long, Long> before = syncs.floorEntry(downstream);
        if (before == null) {
            return -1;
        }
        Map.Entry<Long, Long> after = syncs.higherEntry(before.getKey());
        long delta = downstream - before.getKey();
        if (after != null && after.getKey() - before.getKey() != after.getValue() - before.getValue()) {
            return -1;
        }
        return before.getValue() + delta;
    }

    /** The highest upstream offset known to be mirrored in a partition (its latest sync), or -1. */
    public long lastMirroredUpstream(int partition) {
        TreeMap<Long, Long> syncs = byPartition.get(partition);
        return syncs == null || syncs.isEmpty() ? -1 : syncs.lastEntry().getValue();
    }

    /**
     * The downstream offset to start reading a partition at, for a source read starting at {@code upstream}: the
     * downstream offset of the latest sync at or below it (a copy of {@code upstream} is at or after it), or -1.
     */
    public long downstreamStartFor(int partition, long upstream) {
        TreeMap<Long, Long> syncs = byPartition.get(partition);
        if (syncs == null) {
            return -1;
        }
        long best = -1;
        long bestUp = -1;
        for (Map.Entry<Long, Long> e : syncs.entrySet()) {
            if (e.getValue() <= upstream && e.getValue() >= bestUp) {
                bestUp = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
