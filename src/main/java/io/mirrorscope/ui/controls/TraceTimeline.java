package io.mirrorscope.ui.controls;

import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceLayout;
import java.util.BitSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A trace timeline on one Canvas: a time ruler, one fixed-height row per visible span (name column indented by
 * depth with a collapse triangle, a bar in its service's colour on the time axis), the selected span, critical
 * path and clock-skew marks, find-in-trace matches, and (for the end-to-end view) a lane of path segments under the
 * ruler with the replication segment emphasised. While a path is highlighted the other bars are dimmed, so the
 * path reads at a glance. Only the rows on screen are drawn, so a frame costs what the screen holds, not what
 * the trace holds. Geometry and hit-testing come from the pure {@link TraceLayout}; redraws are coalesced to one
 * per pulse (a dirty flag and a layout request). Colours are CSS looked-up colours read through invisible probe
 * regions ({@code .trace-service-0} … {@code -7}, {@code .trace-text}, {@code .trace-grid}, {@code .trace-selected},
 * {@code .trace-critical}, {@code .trace-error}), so a theme switch recolours it.
 *
 * <p>Mouse: wheel scrolls, Ctrl+wheel zooms around the pointer, drag pans, click selects, a click on the triangle
 * collapses or expands. Keys: Up/Down select, Left/Right collapse/expand, +/− zoom, 0 shows the whole trace.
 */
public final class TraceTimeline extends Region {

    /** Pixels per row. */
    public static final double ROW = 20;
    /** Pixels of the time ruler. */
    public static final double RULER = 24;
    /** Pixels of the name column. */
    public static final double NAMES = 320;
    /** Pixels of the path lane (end-to-end segments) under the ruler, when there is one. */
    public static final double LANE = 26;

    /**
     * A stretch of time drawn in the path lane: a segment of the end-to-end path (producer send, queue, mirror,
     * replication, consumer processing).
     */
    public record Band(String label, long startMicros, long endMicros, boolean emphasis) {
    }

    private static final int SERVICE_COLOURS = 8;

    private final Canvas canvas = new Canvas();
    private final Region[] serviceProbes = new Region[SERVICE_COLOURS];
    private final Region textProbe = probe("trace-text");
    private final Region gridProbe = probe("trace-grid");
    private final Region selectedProbe = probe("trace-selected");
    private final Region criticalProbe = probe("trace-critical");
    private final Region errorProbe = probe("trace-error");
    private final Region matchProbe = probe("trace-match");
    private final Region laneProbe = probe("trace-lane");
    private final Region laneEmphasisProbe = probe("trace-lane-emphasis");
    private final Region laneEmphasisTextProbe = probe("trace-lane-emphasis-text");
    private final java.util.List<Runnable> frameListeners = new java.util.ArrayList<>();
    private final IntegerProperty selectedSpan = new SimpleIntegerProperty(this, "selectedSpan", -1);

    private Trace trace;
    private final java.util.Map<Integer, Integer> serviceColour = new java.util.HashMap<>();
    private BitSet collapsed = new BitSet();
    private BitSet critical = new BitSet();
    private BitSet matches = new BitSet();
    private java.util.List<Band> bands = java.util.List.of();
    private int rowsVersion;
    private int[] rows = new int[0];
    private double scrollY;
    private long viewStart;
    private long viewEnd = 1;
    private boolean dirty = true;
    private double dragX;
    private double dragY;
    private int frames;

    public TraceTimeline() {
        getStyleClass().add("trace-timeline");
        for (int i = 0; i < SERVICE_COLOURS; i++) {
            serviceProbes[i] = probe("trace-service-" + i);
        }
        getChildren().add(0, canvas);
        setFocusTraversable(true);
        setMinSize(300, 120);
        setPrefSize(1000, 600);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnScroll(this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        selectedSpan.addListener((o, a, b) -> markDirty());
    }

    private Region probe(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setVisible(false);
        getChildren().add(r);
        return r;
    }

    /** Shows a trace, all expanded, the whole duration across the width. */
    public void setTrace(Trace newTrace) {
        trace = newTrace;
        // colours by order of first appearance, so the root's service is always the first colour
        serviceColour.clear();
        BitSet seen = new BitSet();
        for (int i = 0; newTrace != null && i < newTrace.size(); i++) {
            int service = newTrace.serviceId(newTrace.preorderAt(i));
            if (!seen.get(service)) {
                // no boxing per span: a million spans map a handful of services
                seen.set(service);
                serviceColour.put(service, serviceColour.size());
            }
        }
        collapsed = new BitSet();
        critical = new BitSet();
        matches = new BitSet();
        bands = java.util.List.of();
        selectedSpan.set(-1);
        scrollY = 0;
        showWholeTrace();
        refreshRows();
    }

    public Trace trace() {
        return trace;
    }

    /** The selected span's index, or -1. */
    public IntegerProperty selectedSpanProperty() {
        return selectedSpan;
    }

    /** Spans to mark as on the critical (or end-to-end) path. */
    public void setHighlighted(BitSet spans) {
        critical = (BitSet) spans.clone();
        markDirty();
    }

    /** Spans that match find-in-trace, drawn with a marked row. */
    public void setMatches(int[] spans) {
        matches = new BitSet();
        for (int span : spans) {
            matches.set(span);
        }
        markDirty();
    }

    /** The path lane's segments; empty hides the lane. */
    public void setBands(java.util.List<Band> newBands) {
        boolean laneChanged = newBands.isEmpty() != bands.isEmpty();
        bands = java.util.List.copyOf(newBands);
        if (laneChanged) {
            scrollY = clampScroll(scrollY);
        }
        markDirty();
    }

    /** Pixels above the first row: the ruler, and the path lane when shown. */
    public double top() {
        return RULER + (bands.isEmpty() ? 0 : LANE);
    }

    /** Called after every frame (the minimap follows the viewport). */
    public void addFrameListener(Runnable listener) {
        frameListeners.add(listener);
    }

    /** Counts changes of the visible rows (collapse, expand, a new trace), so an overview knows to recompute. */
    public int rowsVersion() {
        return rowsVersion;
    }

    /** The time window across the width, epoch microseconds. */
    public long viewStart() {
        return viewStart;
    }

    public long viewEnd() {
        return viewEnd;
    }

    /** Scrolls so the rows area starts {@code y} pixels into the rows (clamped). */
    public void scrollTo(double y) {
        scrollY = clampScroll(y);
        markDirty();
    }

    /** Moves the time window, keeping its width, so it is centred on {@code micros}. */
    public void centreTime(long micros) {
        long width = viewEnd - viewStart;
        viewStart = micros - width / 2;
        viewEnd = viewStart + width;
        markDirty();
    }

    public void collapseAll() {
        if (trace != null) {
            collapsed = TraceLayout.collapseAll(trace);
            refreshRows();
        }
    }

    public void expandAll() {
        collapsed = new BitSet();
        refreshRows();
    }

    /** Flips one span's collapsed state. */
    public void toggle(int span) {
        if (trace != null && trace.childCount(span) > 0) {
            collapsed.flip(span);
            refreshRows();
        }
    }

    /** Expands the span's ancestors, selects it and scrolls it into the middle of the screen. */
    public void reveal(int span) {
        collapsed = TraceLayout.reveal(trace, collapsed, span);
        refreshRows();
        int row = TraceLayout.rowOf(rows, span);
        scrollY = clampScroll(row * ROW - rowsHeight() / 2);
        selectedSpan.set(span);
        markDirty();
    }

    /** The time window across the width, epoch microseconds. */
    public void zoomTo(long start, long end) {
        viewStart = start;
        viewEnd = Math.max(start + 1, end);
        markDirty();
    }

    public void showWholeTrace() {
        if (trace != null) {
            long pad = Math.max(1, trace.durationMicros() / 50);
            zoomTo(trace.startMicros() - pad, trace.endMicros() + pad);
        }
    }

    /** Visible rows (span indexes, top to bottom). */
    public int[] rows() {
        return rows.clone();
    }

    /** How many rows are visible. */
    public int rowCount() {
        return rows.length;
    }

    /** The visible rows without a copy, for the minimap in this package; do not modify. */
    int[] rowArray() {
        return rows;
    }

    /** Frames drawn so far (tests check that redraws are coalesced). */
    public int frames() {
        return frames;
    }

    /** The viewport of the bars area as the pure layout sees it. */
    public TraceLayout.Viewport viewport() {
        return new TraceLayout.Viewport(scrollY, Math.max(1, getWidth() - NAMES), rowsHeight(), ROW, viewStart,
                viewEnd);
    }

    private double rowsHeight() {
        return Math.max(0, getHeight() - top());
    }

    private void refreshRows() {
        rows = trace == null ? new int[0] : TraceLayout.visibleRows(trace, collapsed);
        rowsVersion++;
        scrollY = clampScroll(scrollY);
        markDirty();
    }

    private double clampScroll(double y) {
        return Math.max(0, Math.min(y, rows.length * ROW - rowsHeight()));
    }

    /** Asks for a frame on the next pulse; any number of changes in one pulse cost one frame. */
    public void markDirty() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            scrollY = clampScroll(scrollY);
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    private Paint fill(Region probe, Paint fallback) {
        probe.applyCss();
        var bg = probe.getBackground();
        return bg == null || bg.getFills().isEmpty() ? fallback : bg.getFills().getFirst().getFill();
    }

    private void draw() {
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (trace == null || w <= NAMES) {
            frameListeners.forEach(Runnable::run);
            return;
        }
        Paint text = fill(textProbe, Color.BLACK);
        Paint grid = fill(gridProbe, Color.LIGHTGRAY);
        Paint selected = fill(selectedProbe, Color.LIGHTBLUE);
        Paint criticalPaint = fill(criticalProbe, Color.BLACK);
        Paint error = fill(errorProbe, Color.RED);
        Paint match = fill(matchProbe, Color.web("#fff8c5"));
        boolean dim = !critical.isEmpty();
        Paint[] services = new Paint[SERVICE_COLOURS];
        for (int i = 0; i < SERVICE_COLOURS; i++) {
            services[i] = fill(serviceProbes[i], Color.hsb(i * 45.0, 0.6, 0.8));
        }
        TraceLayout.Viewport view = viewport();
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        drawRuler(g, view, w, text, grid);
        double top = top();
        if (!bands.isEmpty()) {
            drawLane(g, view, w, text, grid);
        }
        g.save();
        g.beginPath();
        g.rect(0, top, w, h - top);
        g.clip();
        for (TraceLayout.Bar bar : TraceLayout.bars(trace, rows, view)) {
            int span = bar.span();
            double y = top + bar.y();
            if (span == selectedSpan.get()) {
                g.setFill(selected);
                g.fillRect(0, y, w, ROW);
            } else if (matches.get(span)) {
                g.setFill(match);
                g.fillRect(0, y, w, ROW);
            }
            if (matches.get(span)) {
                // a match keeps a mark in the name column even when selected
                g.setFill(criticalPaint);
                g.fillRect(0, y + 2, 3, ROW - 4);
            }
            double indent = 6 + trace.depth(span) * 14;
            g.setFill(text);
            g.setTextAlign(TextAlignment.LEFT);
            if (trace.childCount(span) > 0) {
                g.fillText(collapsed.get(span) ? "▸" : "▾", indent, y + ROW / 2);
            }
            String label = trace.service(span) + "  " + trace.operation(span);
            g.fillText(fit(label, NAMES - indent - 20), indent + 14, y + ROW / 2);
            double x = NAMES + Math.max(-1, bar.x());
            double right = Math.min(w, NAMES + bar.x() + bar.width());
            if (right > NAMES) {
                g.setFill(trace.has(span, Trace.ERROR) ? error
                        : services[serviceColour.getOrDefault(trace.serviceId(span), 0) % SERVICE_COLOURS]);
                double left = Math.max(NAMES, x);
                boolean onPath = critical.get(span);
                g.setGlobalAlpha(dim && !onPath ? 0.3 : 1);
                g.fillRect(left, y + 4, Math.max(1, right - left), ROW - 8);
                g.setGlobalAlpha(1);
                if (onPath) {
                    g.setStroke(criticalPaint);
                    g.setLineWidth(1.5);
                    g.strokeRect(left - 0.5, y + 3.5, Math.max(1, right - left) + 1, ROW - 7);
                }
                if (trace.has(span, Trace.CLOCK_SKEW)) {
                    // a small drawn warning triangle (no glyph: fonts differ, and icons are Ikonli's job)
                    double tx = Math.max(NAMES, left - 12);
                    double tip = y + 5;
                    g.setFill(error);
                    g.fillPolygon(new double[] {tx, tx + 8, tx + 4}, new double[] {tip + ROW - 10, tip + ROW - 10,
                        tip}, 3);
                }
                g.setFill(text);
                String took = GoDuration.format(trace.duration(span));
                if (right + 60 <= w) {
                    g.fillText(took, right + 4, y + ROW / 2);
                } else {
                    // no room after the bar: the label goes before it
                    g.setTextAlign(TextAlignment.RIGHT);
                    g.fillText(took, Math.max(NAMES + 40, left - 4), y + ROW / 2);
                }
            }
        }
        g.restore();
        g.setStroke(grid);
        g.setLineWidth(1);
        g.strokeLine(NAMES - 0.5, 0, NAMES - 0.5, h);
        frameListeners.forEach(Runnable::run);
    }

    /** The end-to-end path lane: one labelled block per segment, the emphasised one (replication) in its colour. */
    private void drawLane(GraphicsContext g, TraceLayout.Viewport view, double w, Paint text, Paint grid) {
        Paint lane = fill(laneProbe, Color.web("#eff2f5"));
        Paint emphasis = fill(laneEmphasisProbe, Color.web("#9a6700"));
        Paint emphasisText = fill(laneEmphasisTextProbe, Color.WHITE);
        double y = RULER;
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("End-to-end path", 8, y + LANE / 2);
        for (Band band : bands) {
            double x0 = NAMES + Math.max(0, view.x(band.startMicros()));
            double x1 = Math.min(w, NAMES + view.x(band.endMicros()));
            if (x1 < NAMES) {
                continue;
            }
            double width = Math.max(2, x1 - x0);
            g.setFill(band.emphasis() ? emphasis : lane);
            g.fillRect(x0, y + 3, width, LANE - 6);
            g.setStroke(grid);
            g.strokeRect(x0 + 0.5, y + 3.5, width - 1, LANE - 7);
            // the label, or just the duration, or nothing: never squeezed (about 6.5 px a character at 12 px)
            String took = GoDuration.format(band.endMicros() - band.startMicros());
            String label = band.label() + " " + took;
            label = label.length() * 6.5 <= width - 8 ? label : took.length() * 6.5 <= width - 8 ? took : "";
            g.setFill(band.emphasis() ? emphasisText : text);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(label, x0 + width / 2, y + LANE / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(grid);
        g.strokeLine(0, y + LANE - 0.5, w, y + LANE - 0.5);
    }

    private void drawRuler(GraphicsContext g, TraceLayout.Viewport view, double w, Paint text, Paint grid) {
        g.setStroke(grid);
        g.setLineWidth(1);
        g.strokeLine(0, RULER - 0.5, w, RULER - 0.5);
        // ticks at round offsets from the trace's start (1, 2 or 5 × 10^k µs), about one per 110 px
        long origin = trace == null ? 0 : trace.startMicros();
        long step = niceStep((view.viewEnd() - view.viewStart()) * 110 / Math.max(1, (long) view.width()));
        long first = Math.floorDiv(view.viewStart() - origin, step) * step;
        for (long at = first; at <= view.viewEnd() - origin; at += step) {
            double x = NAMES + view.x(origin + at);
            if (x < NAMES) {
                continue;
            }
            g.strokeLine(Math.round(x) - 0.5, RULER - 6, Math.round(x) - 0.5, RULER);
            g.setFill(text);
            boolean last = x + 60 > w;
            g.setTextAlign(last ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText((at < 0 ? "−" : "") + GoDuration.format(Math.abs(at)), last ? x - 4 : x + 3, RULER / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(rows.length + " rows", 8, RULER / 2);
    }

    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** The label cut to {@code width} pixels with an ellipsis (a squeezed font is harder to read than a cut). */
    private String fit(String label, double width) {
        measure.setFont(Font.font(12));
        measure.setText(label);
        if (measure.getLayoutBounds().getWidth() <= width) {
            return label;
        }
        int lo = 0;
        int hi = label.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            measure.setText(label.substring(0, mid) + "…");
            if (measure.getLayoutBounds().getWidth() <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return label.substring(0, lo) + "…";
    }

    /** The smallest 1, 2 or 5 × 10^k not below {@code micros} (at least 1). */
    static long niceStep(long micros) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= micros) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        dragX = e.getX();
        dragY = e.getY();
        if (trace == null || e.getY() < top()) {
            return;
        }
        int row = TraceLayout.rowAt(rows, viewport(), e.getY() - top());
        if (row < 0) {
            return;
        }
        int span = rows[row];
        double indent = 6 + trace.depth(span) * 14;
        if (e.getX() < NAMES && e.getX() >= indent - 2 && e.getX() <= indent + 12) {
            toggle(span);
        } else if (e.getX() < NAMES) {
            selectedSpan.set(span);
        } else {
            int hit = TraceLayout.spanAt(trace, rows, viewport(), e.getX() - NAMES, e.getY() - top(), 3);
            selectedSpan.set(hit >= 0 ? hit : span);
        }
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - dragX;
        double dy = e.getY() - dragY;
        dragX = e.getX();
        dragY = e.getY();
        long shift = Math.round(-dx * (viewEnd - viewStart) / Math.max(1, getWidth() - NAMES));
        viewStart += shift;
        viewEnd += shift;
        scrollY = clampScroll(scrollY - dy);
        markDirty();
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown()) {
            zoomAround(e.getX() - NAMES, e.getDeltaY() > 0 ? 0.8 : 1.25);
        } else {
            scrollY = clampScroll(scrollY - e.getDeltaY());
            markDirty();
        }
        e.consume();
    }

    /** Zooms by {@code factor} keeping the time under pixel {@code x} of the bars area in place. */
    public void zoomAround(double x, double factor) {
        TraceLayout.Viewport view = viewport();
        long at = view.time(Math.max(0, x));
        long newSpan = Math.max(10, Math.round((viewEnd - viewStart) * factor));
        double fraction = Math.max(0, Math.min(1, x / view.width()));
        viewStart = at - Math.round(newSpan * fraction);
        viewEnd = viewStart + newSpan;
        markDirty();
    }

    private void key(KeyEvent e) {
        if (trace == null) {
            return;
        }
        int row = TraceLayout.rowOf(rows, selectedSpan.get());
        switch (e.getCode()) {
            case DOWN -> select(Math.min(rows.length - 1, row + 1));
            case UP -> select(Math.max(0, row - 1));
            case LEFT -> {
                if (row >= 0 && !collapsed.get(rows[row])) {
                    toggle(rows[row]);
                }
            }
            case RIGHT -> {
                if (row >= 0 && collapsed.get(rows[row])) {
                    toggle(rows[row]);
                }
            }
            case PLUS, ADD, EQUALS -> zoomAround(viewport().width() / 2, 0.8);
            case MINUS, SUBTRACT -> zoomAround(viewport().width() / 2, 1.25);
            case DIGIT0, NUMPAD0 -> showWholeTrace();
            case HOME -> select(0);
            case END -> select(rows.length - 1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void select(int row) {
        if (row < 0 || row >= rows.length) {
            return;
        }
        selectedSpan.set(rows[row]);
        double top = row * ROW;
        if (top < scrollY) {
            scrollY = top;
        } else if (top + ROW > scrollY + rowsHeight()) {
            scrollY = clampScroll(top + ROW - rowsHeight());
        }
        markDirty();
    }
}
