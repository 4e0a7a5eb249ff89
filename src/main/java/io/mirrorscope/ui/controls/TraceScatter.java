package io.mirrorscope.ui.controls;

import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.TraceSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Search results as a scatter plot, as the Jaeger UI draws them: one dot per trace at its start time (across) and
 * duration (up), bigger with more spans, in the danger colour when a span failed; a click on a dot opens that trace.
 * The slow outliers stand out at the top: "sort by the longest trace, open it" in one click.
 */
public final class TraceScatter extends CanvasChart {

    private static final double LEFT = 64;
    private static final double BOTTOM = 22;
    private static final double TOP = 10;
    private static final double RIGHT = 14;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private List<TraceSummary> traces = List.of();
    private Consumer<String> onOpen = id -> { };
    private String selected;

    public TraceScatter() {
        super("trace-scatter", "trace-scatter-dot", "trace-scatter-error", "trace-scatter-axis",
                "trace-scatter-grid", "trace-scatter-text");
        setOnMouseClicked(e -> {
            String id = traceAt(e.getX() - snappedLeftInset(), e.getY() - snappedTopInset());
            if (id != null) {
                selected = id;
                markDirty();
                onOpen.accept(id);
            }
        });
    }

    /** The traces to plot. */
    public void setTraces(List<TraceSummary> summaries) {
        traces = List.copyOf(summaries);
        markDirty();
    }

    /** Called with the trace id of a clicked dot. */
    public void setOnOpen(Consumer<String> open) {
        onOpen = open;
    }

    /** The trace id of the dot nearest to a point (within 8 px), or null. */
    public String traceAt(double x, double y) {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        Scale s = scale(w, h);
        String best = null;
        double bestDistance = 8 * 8;
        for (TraceSummary t : traces) {
            double dx = s.x(t.startMicros()) - x;
            double dy = s.y(t.durationMicros()) - y;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = t.traceId();
            }
        }
        return best;
    }

    /** Where a trace's dot is, in the chart's coordinates (tests click there). */
    public double[] dotOf(String traceId) {
        Scale s = scale(getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
        for (TraceSummary t : traces) {
            if (t.traceId().equals(traceId)) {
                return new double[] {s.x(t.startMicros()) + snappedLeftInset(),
                        s.y(t.durationMicros()) + snappedTopInset()};
            }
        }
        return null;
    }

    private record Scale(long t0, long t1, long maxDuration, double w, double h) {
        double x(long start) {
            return LEFT + (start - t0) * (w - LEFT - RIGHT) / (double) Math.max(1, t1 - t0);
        }

        double y(long duration) {
            return h - BOTTOM - duration * (h - BOTTOM - TOP) / (double) maxDuration;
        }
    }

    private Scale scale(double w, double h) {
        long t0 = traces.stream().mapToLong(TraceSummary::startMicros).min().orElse(0);
        long t1 = traces.stream().mapToLong(TraceSummary::startMicros).max().orElse(1);
        // a single trace, or all at once: a second either side so the dot sits in the middle
        if (t1 - t0 < 2_000_000) {
            t0 -= 1_000_000;
            t1 += 1_000_000;
        } else {
            long pad = (t1 - t0) / 20;
            t0 -= pad;
            t1 += pad;
        }
        long max = ChartGeometry.niceMax(traces.stream().mapToLong(TraceSummary::durationMicros).max().orElse(1));
        return new Scale(t0, t1, Math.max(1, max), w, h);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (traces.isEmpty()) {
            g.setFill(paint("trace-scatter-text"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Duration over time of the found traces: click a dot to open it", w / 2, h / 2);
            return;
        }
        Scale s = scale(w, h);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (int i = 0; i <= 4; i++) {
            long d = s.maxDuration() * i / 4;
            double y = Math.round(s.y(d)) + 0.5;
            g.setStroke(paint(i == 0 ? "trace-scatter-axis" : "trace-scatter-grid"));
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setFill(paint("trace-scatter-text"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(GoDuration.format(d), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 3; i++) {
            long t = s.t0() + (s.t1() - s.t0()) * i / 3;
            double x = s.x(t);
            g.fillText(CLOCK.format(Instant.ofEpochMilli(t / 1000)), Math.clamp(x, LEFT + 24, w - RIGHT - 24),
                    h - BOTTOM / 2);
        }
        int maxSpans = traces.stream().mapToInt(TraceSummary::spanCount).max().orElse(1);
        for (TraceSummary t : traces) {
            double r = 3 + 5 * Math.sqrt(t.spanCount() / (double) Math.max(1, maxSpans));
            double x = s.x(t.startMicros());
            double y = s.y(t.durationMicros());
            g.setFill(paint(t.errors() > 0 ? "trace-scatter-error" : "trace-scatter-dot"));
            g.setGlobalAlpha(0.55);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setGlobalAlpha(1);
            if (t.traceId().equals(selected)) {
                g.setStroke(paint("trace-scatter-text"));
                g.setLineWidth(2);
                g.strokeOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
                g.setLineWidth(1);
            }
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 160;
    }
}
