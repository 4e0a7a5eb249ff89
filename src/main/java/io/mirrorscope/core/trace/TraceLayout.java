package io.mirrorscope.core.trace;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The timeline's geometry as pure functions, shared by the Canvas control, the CLI's text timeline and
 * hit-testing: which spans are visible rows given what is collapsed, and where each visible row's bar lies in a
 * viewport. Rows have one fixed height, so the rows on screen are found by division, not by a search.
 */
public final class TraceLayout {

    /** Where a bar is drawn: row number, span index and pixel rectangle. */
    public record Bar(int row, int span, double x, double y, double width, double height) {
    }

    /**
     * What the screen shows.
     *
     * @param scrollY     pixels scrolled from the first row
     * @param width       pixels of the time axis
     * @param height      pixels of the rows area
     * @param rowHeight   pixels per row (fixed)
     * @param viewStart   epoch microseconds at x = 0
     * @param viewEnd     epoch microseconds at x = width
     */
    public record Viewport(double scrollY, double width, double height, double rowHeight, long viewStart,
                           long viewEnd) {
        public Viewport {
            if (rowHeight <= 0 || width < 0 || height < 0) {
                throw new IllegalArgumentException("rowHeight must be > 0, width and height >= 0");
            }
            if (viewEnd <= viewStart) {
                viewEnd = viewStart + 1;
            }
        }

        /** The whole trace across the width, scrolled to the top. */
        public static Viewport fit(Trace trace, double width, double height, double rowHeight) {
            return new Viewport(0, width, height, rowHeight, trace.startMicros(), trace.endMicros());
        }

        /** Pixel x of a time. */
        public double x(long micros) {
            return (micros - viewStart) * width / (double) (viewEnd - viewStart);
        }

        /** The time at pixel x. */
        public long time(double x) {
            return viewStart + Math.round(x * (viewEnd - viewStart) / width);
        }
    }

    private TraceLayout() {
    }

    /** Spans that have children, for "collapse all". */
    public static BitSet collapseAll(Trace trace) {
        BitSet collapsed = new BitSet(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            if (trace.childCount(i) > 0) {
                collapsed.set(i);
            }
        }
        return collapsed;
    }

    /**
     * Visible rows in depth-first order: every span whose ancestors are all expanded. A collapsed span is a row;
     * its subtree is skipped in one step.
     */
    public static int[] visibleRows(Trace trace, BitSet collapsed) {
        int[] order = trace.preorder();
        if (collapsed.isEmpty()) {
            return order.clone();
        }
        int[] rows = new int[order.length];
        int count = 0;
        int i = 0;
        while (i < order.length) {
            int span = order[i];
            rows[count++] = span;
            i += collapsed.get(span) ? trace.subtreeSize(span) : 1;
        }
        return Arrays.copyOf(rows, count);
    }

    /** First and last (exclusive) row on screen. */
    public static int[] rowRange(int rowCount, Viewport view) {
        int first = (int) Math.max(0, Math.floor(view.scrollY() / view.rowHeight()));
        int last = (int) Math.min(rowCount, Math.ceil((view.scrollY() + view.height()) / view.rowHeight()));
        return new int[] {Math.min(first, rowCount), Math.max(last, Math.min(first, rowCount))};
    }

    /** Bars of the rows on screen; a bar narrower than a pixel is drawn one pixel wide so it stays visible. */
    public static Bar[] bars(Trace trace, int[] rows, Viewport view) {
        int[] range = rowRange(rows.length, view);
        Bar[] bars = new Bar[range[1] - range[0]];
        for (int r = range[0]; r < range[1]; r++) {
            bars[r - range[0]] = bar(trace, rows, r, view);
        }
        return bars;
    }

    /** The bar of one row. */
    public static Bar bar(Trace trace, int[] rows, int row, Viewport view) {
        int span = rows[row];
        double x = view.x(trace.start(span));
        double w = Math.max(1, view.x(trace.end(span)) - x);
        return new Bar(row, span, x, row * view.rowHeight() - view.scrollY(), w, view.rowHeight());
    }

    /** The row under a point of the rows area, or -1. */
    public static int rowAt(int[] rows, Viewport view, double y) {
        double row = Math.floor((y + view.scrollY()) / view.rowHeight());
        return row < 0 || row >= rows.length ? -1 : (int) row;
    }

    /**
     * The span whose bar is under a point, or -1 ({@code slop} pixels of tolerance either side, so a one-pixel
     * bar can be hit).
     */
    public static int spanAt(Trace trace, int[] rows, Viewport view, double x, double y, double slop) {
        int row = rowAt(rows, view, y);
        if (row < 0) {
            return -1;
        }
        Bar bar = bar(trace, rows, row, view);
        return x >= bar.x() - slop && x <= bar.x() + bar.width() + slop ? bar.span() : -1;
    }

    /** The row of {@code span} in {@code rows}, or -1 when it is hidden under a collapsed ancestor. */
    public static int rowOf(int[] rows, int span) {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == span) {
                return r;
            }
        }
        return -1;
    }

    /** {@code collapsed} with every ancestor of {@code span} expanded, so the span gets a row. */
    public static BitSet reveal(Trace trace, BitSet collapsed, int span) {
        BitSet result = (BitSet) collapsed.clone();
        for (int p = trace.parent(span); p >= 0; p = trace.parent(p)) {
            result.clear(p);
        }
        return result;
    }

    /**
     * The minimap's picture: the rows squeezed into {@code height} pixel rows (with fewer rows than pixels a row is a
     * line of up to 5 pixels at the top of its band, so rows stay apart) and the whole trace's time into {@code width}
     * columns; cell {@code y * width + x} counts the bars that cover it. O(1) per row (a difference array per pixel
     * row), then one pass over the cells, so a million rows cost a few milliseconds and nothing per frame.
     */
    public static int[] overview(Trace trace, int[] rows, int width, int height) {
        int[] cells = new int[Math.max(0, width) * Math.max(0, height)];
        if (rows.length == 0 || width <= 0 || height <= 0) {
            return cells;
        }
        long start = trace.startMicros();
        long duration = Math.max(1, trace.endMicros() - start);
        int stride = width + 1;
        int[] diff = new int[stride * height];
        int n = rows.length;
        for (int r = 0; r < n; r++) {
            int span = rows[r];
            int x0 = (int) Math.clamp((trace.start(span) - start) * width / duration, 0, width - 1);
            int x1 = (int) Math.clamp((trace.end(span) - start) * width / duration, x0, width - 1);
            int y0 = (int) ((long) r * height / n);
            int band = (int) ((long) (r + 1) * height / n) - y0;
            int y1 = y0 + Math.max(1, Math.min(band - 1, 5)) - 1;
            for (int y = y0; y <= y1; y++) {
                diff[y * stride + x0]++;
                diff[y * stride + x1 + 1]--;
            }
        }
        for (int y = 0; y < height; y++) {
            int run = 0;
            for (int x = 0; x < width; x++) {
                run += diff[y * stride + x];
                cells[y * width + x] = run;
            }
        }
        return cells;
    }
}
