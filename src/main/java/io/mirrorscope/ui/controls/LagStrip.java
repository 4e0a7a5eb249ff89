package io.mirrorscope.ui.controls;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * One cell per partition: the mirror's lag in records as a bar scaled to the largest (at least {@link #MIN_SCALE}
 * records, so a lag of one record is a sliver, not a full bar), coloured by the lag in seconds; under it the lag in
 * records and seconds, and the partition's missing and duplicated records in the danger and warning colours.
 */
public final class LagStrip extends CanvasChart {

    /** One partition's lag. */
    public record Cell(int partition, long lag, double lagSeconds, long missing, long duplicates) {
    }

    /** Seconds of lag drawn in the warning colour, and in the danger colour. */
    static final double WARN_SECONDS = 10;
    static final double DANGER_SECONDS = 60;
    static final long MIN_SCALE = 100;

    private List<Cell> cells = List.of();

    public LagStrip() {
        super("lag-strip", "chart-ok", "chart-warning", "chart-danger", "chart-text", "chart-grid");
    }

    public void setCells(List<Cell> cells) {
        if (!cells.equals(this.cells)) {
            this.cells = List.copyOf(cells);
            markDirty();
        }
    }

    public List<Cell> cells() {
        return cells;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (cells.isEmpty()) {
            g.setFill(paint("chart-text"));
            g.fillText("No partitions yet", 4, h / 2);
            return;
        }
        long[] lags = new long[cells.size()];
        long max = 0;
        for (int i = 0; i < lags.length; i++) {
            lags[i] = cells.get(i).lag();
            max = Math.max(max, lags[i]);
        }
        double textH = 42;
        double barH = Math.max(4, h - textH);
        long scale = ChartGeometry.niceMax(Math.max(MIN_SCALE, max));
        List<ChartGeometry.Rect> bars = ChartGeometry.bars(lags, scale, w, barH, 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < bars.size(); i++) {
            ChartGeometry.Rect r = bars.get(i);
            Cell c = cells.get(i);
            g.setFill(paint("chart-grid"));
            g.fillRect(r.x(), 0, r.w(), barH);
            g.setFill(paint(c.lagSeconds() >= DANGER_SECONDS ? "chart-danger"
                    : c.lagSeconds() >= WARN_SECONDS ? "chart-warning" : "chart-ok"));
            g.fillRect(r.x(), r.y(), r.w(), r.h());
            g.setFill(paint("chart-text"));
            double cx = r.x() + r.w() / 2;
            g.fillText("P" + c.partition() + "  " + ChartGeometry.count(c.lag()) + " · "
                    + ChartGeometry.millis(Math.round(c.lagSeconds() * 1000)), cx, barH + 2, r.w());
            if (c.missing() > 0 || c.duplicates() > 0) {
                String missing = c.missing() > 0 ? ChartGeometry.count(c.missing()) + " missing" : "";
                String dups = c.duplicates() > 0 ? ChartGeometry.count(c.duplicates()) + " dup." : "";
                g.setFill(paint(c.missing() > 0 ? "chart-danger" : "chart-warning"));
                g.fillText(missing + (missing.isEmpty() || dups.isEmpty() ? "" : " · ") + dups, cx, barH + 16, r.w());
            }
        }
    }
}
