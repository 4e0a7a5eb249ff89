package io.mirrorscope.ui.controls;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Two rates over time on one axis: records/s into the source (muted) and into the target (accent). When the target
 * line runs under the source line the mirror falls behind; the area between them is shaded in the warning colour.
 */
public final class RateChart extends CanvasChart {

    private static final double AXIS = 56;
    private long[] times = new long[0];
    private double[] source = new double[0];
    private double[] target = new double[0];

    public RateChart() {
        super("rate-chart", "chart-line", "chart-text", "chart-grid", "chart-warning");
    }

    /** Replaces the series (arrays of one length, oldest first). */
    public void setSeries(long[] times, double[] source, double[] target) {
        this.times = times.clone();
        this.source = source.clone();
        this.target = target.clone();
        markDirty();
    }

    public int size() {
        return times.length;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(paint("chart-text"));
        int n = times.length;
        if (n < 2) {
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Rates appear after the second round", AXIS, h / 2);
            return;
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max(source[i], target[i]));
        }
        long scale = ChartGeometry.niceMax((long) Math.ceil(Math.max(1, max)));
        double plotW = Math.max(1, w - AXIS - 8);
        double plotH = Math.max(1, h - 22);
        long t0 = times[0];
        long span = Math.max(1, times[n - 1] - t0);
        g.setStroke(paint("chart-grid"));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 2; i++) {
            double y = 4 + plotH - plotH * i / 2.0;
            g.strokeLine(AXIS, Math.round(y) + 0.5, AXIS + plotW, Math.round(y) + 0.5);
            g.fillText(ChartGeometry.count(scale * i / 2) + "/s", AXIS - 6, y);
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] yt = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = AXIS + plotW * (times[i] - t0) / span;
            ys[i] = 4 + plotH * (1 - source[i] / scale);
            yt[i] = 4 + plotH * (1 - target[i] / scale);
        }
        // the shortfall: where the target takes fewer records than the source gets
        g.setFill(paint("chart-warning"));
        g.setGlobalAlpha(0.25);
        for (int i = 1; i < n; i++) {
            if (yt[i] > ys[i] + 0.5 || yt[i - 1] > ys[i - 1] + 0.5) {
                g.fillPolygon(new double[] {xs[i - 1], xs[i], xs[i], xs[i - 1]},
                        new double[] {ys[i - 1], ys[i], Math.max(ys[i], yt[i]), Math.max(ys[i - 1], yt[i - 1])}, 4);
            }
        }
        g.setGlobalAlpha(1);
        line(g, xs, ys, "chart-text", 1.5, true);
        line(g, xs, yt, "chart-line", 2, false);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(paint("chart-text"));
        g.fillText(String.format(Locale.ROOT, "- - into the source    —— into the target    last %s",
                ChartGeometry.millis(times[n - 1] - t0)), AXIS, h);
    }

    private void line(GraphicsContext g, double[] xs, double[] ys, String colour, double width, boolean dashed) {
        g.setStroke(paint(colour));
        g.setLineWidth(width);
        if (dashed) {
            g.setLineDashes(5, 4);
        }
        g.beginPath();
        g.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            g.lineTo(xs[i], ys[i]);
        }
        g.stroke();
        g.setLineDashes((double[]) null);
    }
}
