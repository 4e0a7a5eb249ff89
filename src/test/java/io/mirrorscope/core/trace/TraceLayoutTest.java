package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class TraceLayoutTest {

    // 1 [0,100] ─ 2 [0,50] ─ 3 [10,20]
    //           └ 4 [60,40]
    private final Trace trace = new Spans().span(1, 0, 0, 100).span(2, 1, 0, 50).span(3, 2, 10, 10)
            .span(4, 1, 60, 40).build();

    private long[] ids(int[] rows) {
        long[] ids = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = trace.spanId(rows[i]);
        }
        return ids;
    }

    @Test
    void collapsingASpanHidesItsSubtreeOnly() {
        assertThat(ids(TraceLayout.visibleRows(trace, new BitSet()))).containsExactly(1, 2, 3, 4);
        BitSet collapsed = new BitSet();
        collapsed.set(trace.indexOf(2));
        assertThat(ids(TraceLayout.visibleRows(trace, collapsed))).containsExactly(1, 2, 4);
        assertThat(ids(TraceLayout.visibleRows(trace, TraceLayout.collapseAll(trace)))).containsExactly(1);
        BitSet revealed = TraceLayout.reveal(trace, TraceLayout.collapseAll(trace), trace.indexOf(3));
        assertThat(ids(TraceLayout.visibleRows(trace, revealed))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void barsOfTheRowsOnScreenScaleTimeToPixels() {
        int[] rows = TraceLayout.visibleRows(trace, new BitSet());
        // 1,000 px for 100 µs; rows of 20 px; scrolled by 25 px, 40 px high: rows 1 and 2 (and part of 3)
        TraceLayout.Viewport view = new TraceLayout.Viewport(25, 1000, 40, 20, 0, 100);
        TraceLayout.Bar[] bars = TraceLayout.bars(trace, rows, view);
        assertThat(bars).extracting(TraceLayout.Bar::row).containsExactly(1, 2, 3);
        assertThat(bars[0].x()).isEqualTo(0);
        assertThat(bars[0].width()).isEqualTo(500);
        assertThat(bars[0].y()).isEqualTo(-5);
        assertThat(bars[1].x()).isEqualTo(100);
        assertThat(bars[1].width()).isEqualTo(100);
        assertThat(bars[2].x()).isEqualTo(600);
    }

    @Test
    void hitTestingFindsTheBarUnderThePoint() {
        int[] rows = TraceLayout.visibleRows(trace, new BitSet());
        TraceLayout.Viewport view = new TraceLayout.Viewport(0, 1000, 80, 20, 0, 100);
        assertThat(TraceLayout.spanAt(trace, rows, view, 150, 45, 0)).isEqualTo(trace.indexOf(3));
        assertThat(TraceLayout.spanAt(trace, rows, view, 250, 45, 0)).isEqualTo(-1);
        assertThat(TraceLayout.spanAt(trace, rows, view, 203, 45, 4)).isEqualTo(trace.indexOf(3));
        assertThat(TraceLayout.rowAt(rows, view, 85)).isEqualTo(-1);
        assertThat(TraceLayout.rowOf(rows, trace.indexOf(4))).isEqualTo(3);
    }

    @Test
    void aBarNarrowerThanAPixelIsDrawnOnePixelWide() {
        int[] rows = TraceLayout.visibleRows(trace, new BitSet());
        TraceLayout.Viewport view = new TraceLayout.Viewport(0, 10, 80, 20, 0, 100_000);
        assertThat(TraceLayout.bar(trace, rows, 2, view).width()).isEqualTo(1);
    }
}
