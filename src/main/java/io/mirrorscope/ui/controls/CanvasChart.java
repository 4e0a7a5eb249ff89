package io.mirrorscope.ui.controls;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * A Region that owns a Canvas and redraws it at most once per pulse: setters mark it dirty and request a layout,
 * the layout pass (which runs in the pulse) redraws. Colours come from the stylesheet: each palette entry is a
 * hidden Region with a style class whose background the stylesheet sets from a looked-up colour, so the charts
 * follow the theme (light, dark) like every other control.
 */
public abstract class CanvasChart extends Region {

    protected static final Font LABEL_FONT = Font.font("System", 11);

    private final Canvas canvas = new Canvas();
    private final Map<String, Region> palette = new HashMap<>();
    private boolean dirty = true;

    protected CanvasChart(String styleClass, String... paletteClasses) {
        getStyleClass().addAll("canvas-chart", styleClass);
        getChildren().add(canvas);
        for (String c : paletteClasses) {
            Region swatch = new Region();
            swatch.getStyleClass().add(c);
            swatch.setManaged(false);
            swatch.setVisible(false);
            // the theme changed (or CSS applied for the first time): redraw in the new colours
            swatch.backgroundProperty().addListener((o, a, b) -> markDirty());
            palette.put(c, swatch);
            getChildren().add(swatch);
        }
    }

    /** Marks the chart for a redraw in the next pulse. */
    protected final void markDirty() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            dirty = true;
        }
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, w, h);
            g.setFont(LABEL_FONT);
            draw(g, w, h);
        }
    }

    /** Draws everything in a {@code w} × {@code h} canvas (already cleared). */
    protected abstract void draw(GraphicsContext g, double w, double h);

    /** The colour the stylesheet gives {@code styleClass}'s background; grey before CSS applied. */
    protected final Paint paint(String styleClass) {
        Region swatch = palette.get(styleClass);
        if (swatch == null || swatch.getBackground() == null || swatch.getBackground().getFills().isEmpty()) {
            return Color.GRAY;
        }
        return swatch.getBackground().getFills().getFirst().getFill();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 120;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }
}
