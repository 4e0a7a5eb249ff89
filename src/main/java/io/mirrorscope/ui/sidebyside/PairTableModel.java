package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.MatchSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.collections.ObservableListBase;

/**
 * The rows of the side-by-side table, oldest first, merged from one {@link MatchSnapshot} per pulse into a single
 * list change: new source records are appended, rows whose state changed (a pending record copied, a record found
 * missing or duplicated) are replaced in place, and the oldest rows leave in chunks once {@code maxRows} is passed.
 * One change per pulse keeps the filtered and sorted lists above and the table to one pass each, whatever the
 * number of records. Rows are found by (partition, offset) through a per-partition index kept in offset order
 * (source records of a partition arrive in offset order), so a merge costs O(rows in the snapshot × log rows).
 *
 * <p>Rows older than the snapshot's {@code recentPairs} keep their last state, except records the snapshot's
 * findings name as missing or duplicated. Not thread-safe: the FX thread owns it (tests and benchmarks need no
 * toolkit).
 */
public final class PairTableModel extends ObservableListBase<PairItem> {

    /** Offsets and row sequence numbers of one partition, in offset order. */
    private static final class Lane {
        long[] offsets = new long[64];
        long[] seqs = new long[64];
        int head;
        int size;

        long last() {
            return size == head ? -1 : offsets[size - 1];
        }

        void add(long offset, long seq) {
            if (size == offsets.length) {
                if (head > offsets.length / 2) {
                    System.arraycopy(offsets, head, offsets, 0, size - head);
                    System.arraycopy(seqs, head, seqs, 0, size - head);
                    size -= head;
                    head = 0;
                } else {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                    seqs = Arrays.copyOf(seqs, seqs.length * 2);
                }
            }
            offsets[size] = offset;
            seqs[size] = seq;
            size++;
        }

        long seqOf(long offset) {
            int i = Arrays.binarySearch(offsets, head, size, offset);
            return i < 0 ? -1 : seqs[i];
        }

        /** Forgets rows whose sequence is below {@code base} (they left the table). */
        void trim(long base) {
            while (head < size && seqs[head] < base) {
                head++;
            }
        }
    }

    private final int maxRows;
    private final ArrayList<PairItem> rows = new ArrayList<>();
    private final Map<Integer, Lane> lanes = new HashMap<>();
    /** Sequence number of rows.get(0). */
    private long base;
    private long lastMissing = -1;
    private long lastDuplicates = -1;
    private long dropped;

    /** @param maxRows the most rows kept; older ones leave (they stay counted in the snapshot's counters) */
    public PairTableModel(int maxRows) {
        if (maxRows < 10) {
            throw new IllegalArgumentException("maxRows must be at least 10");
        }
        this.maxRows = maxRows;
    }

    @Override
    public PairItem get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Rows that left the table because it was full. */
    public long dropped() {
        return dropped;
    }

    /**
     * What one merge did.
     *
     * @param newlyMissing  rows found missing by this merge
     * @param newlyMeasured rows whose delay was measured by this merge (for the delay chart)
     */
    public record Merge(int added, int updated, int removed, List<PairItem> newlyMissing,
            List<PairItem> newlyMeasured) {
    }

    /**
     * Merges a snapshot in one list change.
     *
     * @param previews the feed's preview of a new source row (partition, offset)
     */
    public Merge merge(MatchSnapshot snapshot, BiFunction<Integer, Long, RecordPreview> previews) {
        List<PairItem> added = new ArrayList<>();
        List<PairItem> newlyMissing = new ArrayList<>();
        List<PairItem> newlyMeasured = new ArrayList<>();
        int updated = 0;
        beginChange();
        try {
            long nextSeq = base + rows.size();
            for (MatchSnapshot.PairRow r : snapshot.recentPairs()) {
                Lane lane = lanes.computeIfAbsent(r.partition(), p -> new Lane());
                if (r.offset() > lane.last()) {
                    PairItem item = PairItem.of(r, previews.apply(r.partition(), r.offset()));
                    lane.add(r.offset(), nextSeq++);
                    added.add(item);
                    if (item.state() == MatchSnapshot.PairState.MISSING) {
                        newlyMissing.add(item);
                    }
                    if (item.delayMs() >= 0) {
                        newlyMeasured.add(item);
                    }
                    continue;
                }
                int index = indexOf(lane, r.offset());
                if (index >= 0) {
                    PairItem old = at(index, added);
                    if (old.differsFrom(r)) {
                        PairItem now = old.updatedBy(r);
                        if (now.state() == MatchSnapshot.PairState.MISSING
                                && old.state() != MatchSnapshot.PairState.MISSING) {
                            newlyMissing.add(now);
                        }
                        if (now.delayMs() >= 0 && old.delayMs() < 0) {
                            newlyMeasured.add(now);
                        }
                        updated += replace(index, now, added);
                    }
                }
            }
            if (snapshot.missing() != lastMissing) {
                lastMissing = snapshot.missing();
                for (MatchSnapshot.MissingRecord m : snapshot.missingRecords()) {
                    int index = indexOf(lanes.get(m.partition()), m.offset());
                    if (index >= 0 && at(index, added).state() != MatchSnapshot.PairState.MISSING) {
                        PairItem now = at(index, added).withState(MatchSnapshot.PairState.MISSING);
                        newlyMissing.add(now);
                        updated += replace(index, now, added);
                    }
                }
            }
            if (snapshot.duplicates() != lastDuplicates) {
                lastDuplicates = snapshot.duplicates();
                for (MatchSnapshot.DuplicateRecord d : snapshot.duplicateRecords()) {
                    int index = indexOf(lanes.get(d.partition()), d.sourceOffset());
                    if (index >= 0 && !at(index, added).copyOffsets().equals(d.targetOffsets())) {
                        updated += replace(index, at(index, added).withCopies(d.targetPartition(),
                                d.targetOffsets()), added);
                    }
                }
            }
            if (!added.isEmpty()) {
                int from = rows.size();
                rows.addAll(added);
                nextAdd(from, rows.size());
            }
            int removed = trim();
            return new Merge(added.size(), updated, removed, newlyMissing, newlyMeasured);
        } finally {
            endChange();
        }
    }

    /** Empties the table (a seek starts a new run). */
    public void clear() {
        beginChange();
        try {
            base += rows.size();
            if (!rows.isEmpty()) {
                List<PairItem> old = new ArrayList<>(rows);
                rows.clear();
                nextRemove(0, old);
            }
            lanes.clear();
            lastMissing = -1;
            lastDuplicates = -1;
        } finally {
            endChange();
        }
    }

    /** Index in rows, or rows.size() + index in the rows added by this merge, or -1 when not in the table. */
    private int indexOf(Lane lane, long offset) {
        if (lane == null) {
            return -1;
        }
        long seq = lane.seqOf(offset);
        if (seq < base) {
            return -1;
        }
        return (int) (seq - base);
    }

    private PairItem at(int index, List<PairItem> added) {
        return index < rows.size() ? rows.get(index) : added.get(index - rows.size());
    }

    private int replace(int index, PairItem now, List<PairItem> added) {
        if (index < rows.size()) {
            PairItem old = rows.set(index, now);
            nextSet(index, old);
        } else {
            added.set(index - rows.size(), now);
        }
        return 1;
    }

    private int trim() {
        if (rows.size() <= maxRows) {
            return 0;
        }
        // leave in chunks of a tenth, so a full table shifts once per many pulses, not on every one
        int remove = rows.size() - maxRows + maxRows / 10;
        List<PairItem> gone = new ArrayList<>(rows.subList(0, remove));
        rows.subList(0, remove).clear();
        nextRemove(0, gone);
        base += remove;
        dropped += remove;
        for (Lane lane : lanes.values()) {
            lane.trim(base);
        }
        return remove;
    }
}
