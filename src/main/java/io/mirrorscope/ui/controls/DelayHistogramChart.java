package io.mirrorscope.ui.controls;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The delay histogram: one bar per bucket {upper bound ms, count}, the bound written under every few bars. */
public final class DelayHistogramChart extends CanvasChart {

    private List<long[]> buckets = List.of();
    private long total = -1;

    public DelayHistogramChart() {
        super("delay-histogram", "chart-line", "chart-text", "chart-grid");
    }

    /** Sets the buckets; redraws only when the total count changed. */
    public void setBuckets(List<long[]> buckets) {
        long t = 0;
        for (long[] b : buckets) {
            t += b[1];
        }
        if (t != total || buckets.size() != this.buckets.size()) {
            this.buckets = List.copyOf(buckets);
            total = t;
            markDirty();
        }
    }

    public int bucketCount() {
        return buckets.size();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(paint("chart-text"));
        if (buckets.isEmpty()) {
            g.fillText("No measured delay yet", 4, h / 2);
            return;
        }
        long[] counts = new long[buckets.size()];
        long max = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.get(i)[1];
            max = Math.max(max, counts[i]);
        }
        double plotH = Math.max(1, h - 16);
        List<ChartGeometry.Rect> bars = ChartGeometry.bars(counts, max, w, plotH, 2);
        g.setFill(paint("chart-line"));
        for (ChartGeometry.Rect r : bars) {
            g.fillRect(r.x(), r.y(), r.w(), r.h());
        }
        g.setFill(paint("chart-text"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int every = Math.max(1, (int) Math.ceil(bars.size() * 60 / Math.max(1, w)));
        for (int i = 0; i < bars.size(); i += every) {
            ChartGeometry.Rect r = bars.get(i);
            g.fillText("≤" + ChartGeometry.millis(buckets.get(i)[0]), r.x() + r.w() / 2, plotH + 2);
        }
    }
}
