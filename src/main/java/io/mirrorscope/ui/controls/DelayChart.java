package io.mirrorscope.ui.controls;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Replication delay over source time: the largest delay per pixel column as a line, over a grid with the delay
 * axis on the left. The caller appends samples; the chart keeps the last {@code capacity} in a ring.
 */
public final class DelayChart extends CanvasChart {

    private static final double AXIS = 56;
    private final long[] times;
    private final long[] delays;
    private int size;
    private int next;
    private String method = "";

    public DelayChart(int capacity) {
        super("delay-chart", "chart-line", "chart-text", "chart-grid");
        times = new long[capacity];
        delays = new long[capacity];
    }

    public DelayChart() {
        this(20_000);
    }

    /** Adds a pair's delay at its source time. */
    public void add(long time, long delayMs) {
        times[next] = time;
        delays[next] = delayMs;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
        markDirty();
    }

    /** Forgets every sample (a seek started a new run). */
    public void clear() {
        size = 0;
        next = 0;
        markDirty();
    }

    /** How the delays were measured, shown on the chart. */
    public void setMethod(String method) {
        if (!method.equals(this.method)) {
            this.method = method;
            markDirty();
        }
    }

    public int size() {
        return size;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(paint("chart-text"));
        if (size == 0) {
            g.fillText("No measured delay yet", AXIS, h / 2);
            return;
        }
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        long max = 0;
        for (int i = 0; i < size; i++) {
            t0 = Math.min(t0, times[i]);
            t1 = Math.max(t1, times[i]);
            max = Math.max(max, delays[i]);
        }
        long scale = ChartGeometry.niceMax(max);
        double plotW = Math.max(1, w - AXIS - 4);
        double plotH = Math.max(1, h - 18);
        g.setStroke(paint("chart-grid"));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 2; i++) {
            double y = 4 + plotH - plotH * i / 2.0;
            g.strokeLine(AXIS, Math.round(y) + 0.5, AXIS + plotW, Math.round(y) + 0.5);
            g.fillText(ChartGeometry.millis(scale * i / 2), AXIS - 6, y);
        }
        double[] pts = ChartGeometry.columnMax(Arrays.copyOf(times, size), Arrays.copyOf(delays, size), size, t0,
                Math.max(t1, t0 + 1), scale, plotW, plotH);
        g.setStroke(paint("chart-line"));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < pts.length; i += 2) {
            if (i == 0) {
                g.moveTo(AXIS + pts[i], 4 + pts[i + 1]);
            } else {
                g.lineTo(AXIS + pts[i], 4 + pts[i + 1]);
            }
        }
        g.stroke();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("max delay per column · " + method + " · last " + ChartGeometry.millis(t1 - t0), AXIS, h);
    }
}
