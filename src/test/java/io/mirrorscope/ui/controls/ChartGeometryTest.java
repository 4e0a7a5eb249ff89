package io.mirrorscope.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart geometry without a toolkit. */
class ChartGeometryTest {

    @Test
    void niceMaximaAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ChartGeometry.niceMax(0)).isEqualTo(1);
        assertThat(ChartGeometry.niceMax(3)).isEqualTo(5);
        assertThat(ChartGeometry.niceMax(137)).isEqualTo(200);
        assertThat(ChartGeometry.niceMax(200)).isEqualTo(200);
        assertThat(ChartGeometry.niceMax(501)).isEqualTo(1000);
    }

    @Test
    void barsAreBottomAlignedScaledAndASmallValueStaysVisible() {
        List<ChartGeometry.Rect> bars = ChartGeometry.bars(new long[] {100, 0, 50, 1}, 100, 400, 100, 4);
        assertThat(bars).hasSize(4);
        assertThat(bars.get(0)).isEqualTo(new ChartGeometry.Rect(2, 0, 96, 100));
        assertThat(bars.get(1).h()).isZero();
        assertThat(bars.get(2).y()).isEqualTo(50);
        assertThat(bars.get(3).h()).isEqualTo(1);
        assertThat(bars.get(3).x()).isEqualTo(302);
    }

    @Test
    void aSeriesKeepsTheMaximumPerPixelColumn() {
        long[] times = {0, 1, 2, 50, 99};
        long[] values = {10, 80, 20, 40, -1};
        double[] pts = ChartGeometry.columnMax(times, values, 5, 0, 100, 100, 10, 100);
        // column 0 holds t=0..2: the spike of 80 survives; t=50 lands in column 5; a negative value is not measured
        assertThat(pts).hasSize(4);
        assertThat(pts[0]).isEqualTo(0.5);
        assertThat(pts[1]).isCloseTo(20, within(1e-9));
        assertThat(pts[2]).isEqualTo(5.5);
        assertThat(pts[3]).isCloseTo(60, within(1e-9));
    }

    @Test
    void labels() {
        assertThat(ChartGeometry.millis(850)).isEqualTo("850 ms");
        assertThat(ChartGeometry.millis(1200)).isEqualTo("1.2 s");
        assertThat(ChartGeometry.millis(3000)).isEqualTo("3 s");
        assertThat(ChartGeometry.millis(180_000)).isEqualTo("3 min");
        assertThat(ChartGeometry.count(12_345)).isEqualTo("12.3k");
    }
}
