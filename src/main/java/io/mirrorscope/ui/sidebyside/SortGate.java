package io.mirrorscope.ui.sidebyside;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/**
 * The rows as they are, passed on to a {@code SortedList} only while the user sorts. A SortedList cannot be
 * unhooked from its source (its listener goes away only when it is collected), and even without a comparator it
 * re-maps every changed row of every pulse: hung on the live rows permanently it cost the unsorted table most of its
 * pulse (SideBySideTableBenchmark: 64 ms against 19 ms for 1,000,000 rows). The view builds gate and SortedList
 * when a sort order is set and {@linkplain #close() closes} the gate when it is cleared: from then on the old
 * SortedList hears nothing and waits, silent, to be collected.
 */
final class SortGate extends TransformationList<PairItem, PairItem> {

    private boolean open = true;

    SortGate(ObservableList<PairItem> rows) {
        super(rows);
    }

    /** Stops passing changes on; the list is not read any more (the table shows the rows directly again). */
    void close() {
        open = false;
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends PairItem> c) {
        if (!open) {
            return;
        }
        beginChange();
        while (c.next()) {
            if (c.wasPermutated()) {
                int[] perm = new int[c.getTo() - c.getFrom()];
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    perm[i - c.getFrom()] = c.getPermutation(i);
                }
                nextPermutation(c.getFrom(), c.getTo(), perm);
            } else if (c.wasUpdated()) {
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    nextUpdate(i);
                }
            } else {
                if (c.wasRemoved()) {
                    nextRemove(c.getFrom(), (List<? extends PairItem>) c.getRemoved());
                }
                if (c.wasAdded()) {
                    nextAdd(c.getFrom(), c.getTo());
                }
            }
        }
        endChange();
    }

    @Override
    public int size() {
        return getSource().size();
    }

    @Override
    public PairItem get(int index) {
        return getSource().get(index);
    }

    @Override
    public int getSourceIndex(int index) {
        return index;
    }

    @Override
    public int getViewIndex(int index) {
        return index;
    }
}
