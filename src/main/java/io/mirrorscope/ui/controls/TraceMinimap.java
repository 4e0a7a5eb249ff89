package io.mirrorscope.ui.controls;

import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceLayout;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The overview strip above a {@link TraceTimeline}: every visible row of the whole trace squeezed into the strip
 * (darker where more bars overlap) and the timeline's viewport as a rectangle; press or drag to move the viewport
 * there. The picture ({@link TraceLayout#overview}) is recomputed only when the rows or the width change and is
 * blitted as one image; each frame of the timeline redraws the strip in the same pulse. Colours:
 * {@code .trace-minimap-bar} and {@code .trace-minimap-view} looked up from the stylesheet.
 */
public final class TraceMinimap extends Region {

    /** Pixels of the strip. */
    public static final double HEIGHT = 56;

    private final TraceTimeline timeline;
    private final Canvas canvas = new Canvas();
    private final Region barProbe = probe("trace-minimap-bar");
    private final Region viewProbe = probe("trace-minimap-view");
    private WritableImage picture;
    private Trace pictured;
    private int picturedVersion = -1;
    private int frames;

    public TraceMinimap(TraceTimeline timeline) {
        this.timeline = timeline;
        getStyleClass().add("trace-minimap");
        getChildren().add(0, canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        // drawn right after each timeline frame, in the same pulse (a layout request made during the layout pass
        // could wait for a later pulse)
        timeline.addFrameListener(this::draw);
        canvas.setOnMousePressed(this::moveTo);
        canvas.setOnMouseDragged(this::moveTo);
    }

    private Region probe(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setVisible(false);
        getChildren().add(r);
        return r;
    }

    /** Frames drawn (tests). */
    public int frames() {
        return frames;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            picture = null;
        }
        draw();
    }

    /** The bars area of the strip lines up with the timeline's: the name column's width is left for a caption. */
    private double barsWidth() {
        return Math.max(1, canvas.getWidth() - TraceTimeline.NAMES);
    }

    private void draw() {
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Trace trace = timeline.trace();
        if (trace == null || w <= TraceTimeline.NAMES + 1 || h < 4) {
            return;
        }
        int[] rows = timeline.rowArray();
        if (picture == null || pictured != trace || picturedVersion != timeline.rowsVersion()) {
            picture = picture(trace, rows, (int) barsWidth(), (int) h - 4);
            pictured = trace;
            picturedVersion = timeline.rowsVersion();
        }
        g.drawImage(picture, TraceTimeline.NAMES, 2);
        g.setFont(javafx.scene.text.Font.font(11));
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        g.setFill(paint(barProbe, Color.GRAY));
        g.fillText("Overview · drag to move", 8, h / 2);
        // the viewport: the time window across, the rows on screen down
        double span = Math.max(1, trace.endMicros() - trace.startMicros());
        double x0 = TraceTimeline.NAMES + (timeline.viewStart() - trace.startMicros()) * barsWidth() / span;
        double x1 = TraceTimeline.NAMES + (timeline.viewEnd() - trace.startMicros()) * barsWidth() / span;
        TraceLayout.Viewport view = timeline.viewport();
        double total = Math.max(1, rows.length * TraceTimeline.ROW);
        double y0 = 2 + view.scrollY() / total * (h - 4);
        double y1 = 2 + Math.min(total, view.scrollY() + view.height()) / total * (h - 4);
        x0 = Math.max(TraceTimeline.NAMES, x0);
        x1 = Math.min(w - 1, Math.max(x0 + 3, x1));
        Paint accent = paint(viewProbe, Color.STEELBLUE);
        g.setGlobalAlpha(0.15);
        g.setFill(accent);
        g.fillRect(x0, y0, x1 - x0, Math.max(3, y1 - y0));
        g.setGlobalAlpha(1);
        g.setStroke(accent);
        g.setLineWidth(1.5);
        g.strokeRect(x0 + 0.5, y0 + 0.5, x1 - x0 - 1, Math.max(3, y1 - y0) - 1);
    }

    /** The rows as an image: one pixel per cell, the bar colour with more opacity where more bars overlap. */
    private WritableImage picture(Trace trace, int[] rows, int width, int height) {
        int[] cells = TraceLayout.overview(trace, rows, width, height);
        Color bar = paint(barProbe, Color.GRAY) instanceof Color c ? c : Color.GRAY;
        int rgb = ((int) Math.round(bar.getRed() * 255) << 16) | ((int) Math.round(bar.getGreen() * 255) << 8)
                | (int) Math.round(bar.getBlue() * 255);
        int[] argb = new int[cells.length];
        for (int i = 0; i < cells.length; i++) {
            int n = cells[i];
            // 1 bar: light; each doubling darker, up to fully opaque
            int alpha = n == 0 ? 0 : Math.min(255, 90 + 40 * (32 - Integer.numberOfLeadingZeros(n)));
            argb[i] = (alpha << 24) | rgb;
        }
        WritableImage image = new WritableImage(Math.max(1, width), Math.max(1, height));
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    private static Paint paint(Region probe, Paint fallback) {
        probe.applyCss();
        var bg = probe.getBackground();
        return bg == null || bg.getFills().isEmpty() ? fallback : bg.getFills().getFirst().getFill();
    }

    /** Centres the timeline's viewport on the pointer: its time across, its row down. */
    private void moveTo(MouseEvent e) {
        Trace trace = timeline.trace();
        if (trace == null || e.getX() < TraceTimeline.NAMES) {
            return;
        }
        double fx = Math.clamp((e.getX() - TraceTimeline.NAMES) / barsWidth(), 0, 1);
        double fy = Math.clamp((e.getY() - 2) / Math.max(1, canvas.getHeight() - 4), 0, 1);
        timeline.centreTime(trace.startMicros() + Math.round(fx * (trace.endMicros() - trace.startMicros())));
        double total = timeline.rowCount() * TraceTimeline.ROW;
        timeline.scrollTo(fy * total - timeline.viewport().height() / 2);
        e.consume();
    }
}
