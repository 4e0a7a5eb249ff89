package io.mirrorscope.ui.browser;

import io.mirrorscope.core.records.DecodedRecord;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One filter pass over the rows held when the filter changed, run off the FX thread: each row's whole values are
 * decoded and tested once, and the answer kept as one bit per row (by arrival number), so applying the result on
 * the FX thread is a bit lookup per row, not a regex per row. Rows that arrive after the pass are tested as they
 * arrive.
 */
final class FilterPass {

    private final long firstSeq;
    private final long lastSeq;
    private final BitSet matched;
    private final int matches;

    private FilterPass(long firstSeq, long lastSeq, BitSet matched) {
        this.firstSeq = firstSeq;
        this.lastSeq = lastSeq;
        this.matched = matched;
        this.matches = matched.cardinality();
    }

    /**
     * Tests every row; returns null as soon as {@code current} moved past {@code generation} (the user typed on,
     * the pass is stale).
     */
    static FilterPass run(RecordRow[] rows, Predicate<DecodedRecord> test, AtomicLong current, long generation) {
        if (rows.length == 0) {
            return new FilterPass(0, -1, new BitSet());
        }
        long first = rows[0].seq();
        BitSet bits = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if ((i & 1023) == 0 && current.get() != generation) {
                return null;
            }
            if (test.test(rows[i].searchable())) {
                bits.set((int) (rows[i].seq() - first));
            }
        }
        return new FilterPass(first, rows[rows.length - 1].seq(), bits);
    }

    /** The table's text predicate: this pass's answer for the rows it saw, {@code test} for later rows. */
    Predicate<RecordRow> predicate(Predicate<DecodedRecord> test) {
        return row -> row.seq() >= firstSeq && row.seq() <= lastSeq ? matched.get((int) (row.seq() - firstSeq))
                : test.test(row.searchable());
    }

    /** How many of the rows seen matched. */
    int matches() {
        return matches;
    }
}
