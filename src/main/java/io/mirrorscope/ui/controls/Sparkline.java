package io.mirrorscope.ui.controls;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/**
 * A small line of a series, scaled between its own minimum and maximum (the shape matters, not the axis): used in
 * table cells for a topic's gap over the last minutes. The last point is drawn as a dot; a series that grows to its
 * end is drawn in the warning colour, so a growing gap stands out in a column of flat lines.
 */
public final class Sparkline extends CanvasChart {

    private List<Long> values = List.of();

    public Sparkline() {
        super("sparkline", "chart-line", "chart-warning", "chart-grid");
        setMinSize(40, 12);
    }

    public void setValues(List<Long> values) {
        List<Long> next = values == null ? List.of() : values;
        if (!next.equals(this.values)) {
            this.values = List.copyOf(next);
            markDirty();
        }
    }

    public List<Long> values() {
        return values;
    }

    /** Whether the series ends above where it started and at its maximum (the warning colour). */
    static boolean growing(List<Long> values) {
        if (values.size() < 3) {
            return false;
        }
        long last = values.getLast();
        return last > values.getFirst() && values.stream().allMatch(v -> v <= last);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setStroke(paint("chart-grid"));
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        if (values.size() < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = Math.max(1, max - min);
        double step = (w - 4) / (values.size() - 1);
        g.setStroke(paint(growing(values) ? "chart-warning" : "chart-line"));
        g.setLineWidth(1.3);
        g.beginPath();
        double x = 0;
        double y = 0;
        for (int i = 0; i < values.size(); i++) {
            x = 1 + i * step;
            y = 2 + (h - 4) * (1 - (values.get(i) - min) / span);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(paint(growing(values) ? "chart-warning" : "chart-line"));
        g.fillOval(x - 2, y - 2, 4, 4);
    }

    @Override
    protected double computePrefHeight(double width) {
        return 18;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 110;
    }
}
