package io.mirrorscope.core.mirror;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A seeded random MM2-like mirror for property tests: per partition, source records (offsets with gaps, rising
 * timestamps, unique content) and the copies a faulty mirror writes (drops, re-sent ranges, an undelivered tail),
 * with retention on both sides and a source read that may stop before the end. {@link #expected()} works out the
 * exact answer the long way, from the definitions, independently of the matcher's alignment.
 */
final class MirrorSimulation {

    static final long START = 1_000_000_000L;

    /** One simulated partition. */
    static final class Partition {
        final int number;
        final List<RecordSummary> source = new ArrayList<>();
        /** Source index of each copy, in target order (the copy's target offset is its position). */
        final List<Integer> copies = new ArrayList<>();
        /** Source records below this index were deleted by retention before the read. */
        int sourceExpired;
        /** The source read stops before this index (a bounded read up to now - grace). */
        int sourceStop;
        /** Copies below this target offset were deleted by the target's retention. */
        int targetExpired;

        Partition(int number) {
            this.number = number;
        }

        RecordSummary copy(int targetOffset, boolean withCoordinates) {
            RecordSummary s = source.get(copies.get(targetOffset));
            return new RecordSummary(number, targetOffset, s.timestamp(), false, s.keyHash(), s.keyPreview(),
                    s.fingerprintHi(), s.fingerprintLo(), -1, withCoordinates ? number : -1,
                    withCoordinates ? s.offset() : -1);
        }
    }

    /** What the matcher must report. */
    record Expected(long matched, long missing, long duplicates, long pending, long expired, long outside,
            TreeSet<String> missingAt, Map<String, List<Long>> duplicateCopies) {
    }

    final List<Partition> partitions = new ArrayList<>();

    static MirrorSimulation random(Random rnd, double drop, double resend) {
        MirrorSimulation sim = new MirrorSimulation();
        int count = 1 + rnd.nextInt(4);
        for (int p = 0; p < count; p++) {
            Partition part = new Partition(p);
            int n = rnd.nextInt(300);
            long offset = rnd.nextInt(50);
            long ts = START - 100_000 + rnd.nextInt(1000);
            for (int i = 0; i < n; i++) {
                String key = "k" + rnd.nextInt(20);
                part.source.add(new RecordSummary(p, offset, ts, false, key.hashCode() | 1L, key, rnd.nextLong(),
                        rnd.nextLong(), -1, -1, -1));
                offset += 1 + (rnd.nextDouble() < 0.05 ? rnd.nextInt(3) : 0);  // transaction markers, compaction
                ts += 1 + rnd.nextInt(5);
            }
            int inFlight = rnd.nextBoolean() ? rnd.nextInt(6) : 0;
            for (int i = 0; i < n - inFlight; i++) {
                if (rnd.nextDouble() < drop) {
                    continue;
                }
                part.copies.add(i);
                if (rnd.nextDouble() < resend) {
                    int r = 1 + rnd.nextInt(8);
                    for (int k = Math.max(0, i - r + 1); k <= i; k++) {
                        part.copies.add(k);
                    }
                }
            }
            part.sourceExpired = n > 0 && rnd.nextDouble() < 0.2 ? rnd.nextInt(Math.min(n, 20)) : 0;
            part.sourceStop = n > 0 && rnd.nextDouble() < 0.3 ? Math.max(part.sourceExpired, n - rnd.nextInt(10)) : n;
            part.targetExpired = !part.copies.isEmpty() && rnd.nextDouble() < 0.2
                    ? rnd.nextInt(Math.min(part.copies.size(), 20)) : 0;
            sim.partitions.add(part);
        }
        return sim;
    }

    /** One partition of {@code n} records, no retention, read to the end, nothing in flight. */
    static MirrorSimulation single(Random rnd, int n, double drop, double resend) {
        MirrorSimulation sim = new MirrorSimulation();
        Partition part = new Partition(0);
        long ts = START - 100_000;
        for (int i = 0; i < n; i++) {
            part.source.add(new RecordSummary(0, i, ts++, false, 1, "k", rnd.nextLong(), rnd.nextLong(), -1, -1, -1));
        }
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < drop) {
                continue;
            }
            part.copies.add(i);
            if (rnd.nextDouble() < resend) {
                for (int k = Math.max(0, i - rnd.nextInt(8)); k <= i; k++) {
                    part.copies.add(k);
                }
            }
        }
        part.sourceStop = n;
        sim.partitions.add(part);
        return sim;
    }

    /** Feeds one partition with the source at most {@code lead} records ahead of the copies' sources. */
    void feedLockstep(RecordMatcher m, Random rnd, int lead) {
        Partition p = partitions.getFirst();
        int s = 0;
        int t = 0;
        while (s < p.source.size() || t < p.copies.size()) {
            boolean sourceTurn = t >= p.copies.size()
                    || s < p.source.size() && (s <= p.copies.get(t) || s - p.copies.get(t) < lead && rnd.nextInt(4) != 0);
            if (sourceTurn) {
                m.addSource(p.source.get(s++));
            } else {
                m.addTarget(p.copy(t++, false));
            }
        }
        m.sourceComplete(p.number);
    }

    static String at(int partition, long offset) {
        return partition + "@" + offset;
    }

    /** The answer from the definitions. */
    Expected expected() {
        long matched = 0;
        long missing = 0;
        long duplicates = 0;
        long pending = 0;
        long expired = 0;
        long outside = 0;
        TreeSet<String> missingAt = new TreeSet<>();
        Map<String, List<Long>> dups = new HashMap<>();
        for (Partition p : partitions) {
            Map<Integer, List<Long>> copiesOf = new TreeMap<>();
            int highestCopied = -1;
            int firstInWindow = -1;
            for (int pos = p.targetExpired; pos < p.copies.size(); pos++) {
                int i = p.copies.get(pos);
                copiesOf.computeIfAbsent(i, k -> new ArrayList<>()).add((long) pos);
                highestCopied = Math.max(highestCopied, i);
                if (p.sourceStop == p.sourceExpired) {
                    outside++;  // nothing read: no way to tell a copy of a deleted record from a newer one
                } else if (i < p.sourceExpired) {
                    expired++;  // a copy of a record retention removed from the source
                } else if (i >= p.sourceStop) {
                    outside++;
                }
                if (firstInWindow < 0 && i >= p.sourceExpired) {
                    firstInWindow = i;
                }
            }
            for (int i = p.sourceExpired; i < p.sourceStop; i++) {
                List<Long> c = copiesOf.get(i);
                RecordSummary s = p.source.get(i);
                if (c != null) {
                    matched++;
                    duplicates += c.size() - 1;
                    if (c.size() > 1) {
                        dups.put(at(p.number, s.offset()), c);
                    }
                } else if (highestCopied > i) {
                    if (p.targetExpired > 0 && i < firstInWindow) {
                        expired++;  // its copy may have been among those the target's retention removed
                    } else {
                        missing++;
                        missingAt.add(at(p.number, s.offset()));
                    }
                } else {
                    pending++;
                }
            }
        }
        return new Expected(matched, missing, duplicates, pending, expired, outside, missingAt, dups);
    }

    /** Feeds both sides to the matcher in a random interleaving that keeps each partition's order. */
    void feed(RecordMatcher m, Random rnd, boolean coordinates) {
        List<int[]> cursors = new ArrayList<>();  // {partition, side (0 source, 1 target), next}
        for (Partition p : partitions) {
            long sourceBegin = p.source.isEmpty() ? 0 : p.source.get(Math.min(p.sourceExpired,
                    p.source.size() - 1)).offset();
            long sourceEnd = p.source.isEmpty() ? 0 : p.source.getLast().offset() + 1;
            if (p.sourceExpired == 0) {
                sourceBegin = 0;  // nothing deleted: the log starts at 0
            }
            m.sourceRange(p.number, sourceBegin, sourceBegin, sourceEnd);
            m.targetRange(p.number, p.targetExpired, p.targetExpired, p.copies.size());
            cursors.add(new int[] {p.number, 0, p.sourceExpired});
            cursors.add(new int[] {p.number, 1, p.targetExpired});
        }
        while (!cursors.isEmpty()) {
            int pick = rnd.nextInt(cursors.size());
            int[] c = cursors.get(pick);
            Partition p = partitions.get(c[0]);
            int burst = 1 + rnd.nextInt(20);
            for (int b = 0; b < burst; b++) {
                if (c[1] == 0) {
                    if (c[2] >= p.sourceStop) {
                        m.sourceComplete(p.number);
                        cursors.remove(pick);
                        break;
                    }
                    m.addSource(p.source.get(c[2]++));
                } else {
                    if (c[2] >= p.copies.size()) {
                        cursors.remove(pick);
                        break;
                    }
                    m.addTarget(p.copy(c[2]++, coordinates));
                }
            }
        }
    }

    /** MM2's offset syncs for the simulated copies: the first copy, every 10 copies, and after any jump. */
    OffsetSyncs offsetSyncs() {
        OffsetSyncs syncs = new OffsetSyncs();
        for (Partition p : partitions) {
            long lastUp = -2;
            int lastPos = -100;
            for (int pos = 0; pos < p.copies.size(); pos++) {
                long up = p.source.get(p.copies.get(pos)).offset();
                int i = p.copies.get(pos);
                boolean contiguous = i > 0 && lastUp == p.source.get(i - 1).offset() && up == lastUp + 1;
                if (pos - lastPos >= 10 || !contiguous) {
                    syncs.add(p.number, up, pos);
                    lastPos = pos;
                }
                lastUp = up;
            }
        }
        return syncs;
    }
}
