package io.mirrorscope.ui.topology;

import io.mirrorscope.core.inventory.ClusterNode;
import io.mirrorscope.core.inventory.Topology;
import io.mirrorscope.core.inventory.TopologyEdge;
import io.mirrorscope.ui.common.Severity;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Tooltip;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link Topology} on one Canvas: cluster boxes, curved arrows coloured by severity (the data's verdict
 * where known), two-line labels and a status badge under a label. Geometry comes from {@link TopologyLayout} (also
 * used for clicks, double-clicks and tooltips). Colours are looked up from the stylesheet through invisible probe
 * regions, so a theme change recolours the picture: the AtlantaFX theme's semantic colours
 * ({@code -color-success-fg}, {@code -color-warning-fg}, {@code -color-danger-fg}, {@code -color-fg-muted}) when
 * that theme is the user agent stylesheet, else the app's own ({@code .topology-severity-*}), else fixed colours.
 */
public final class TopologyCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final Map<Severity, Region> severityProbes = new EnumMap<>(Severity.class);
    private final Map<Severity, Region> themeProbes = new EnumMap<>(Severity.class);
    private Function<TopologyEdge, Severity> edgeSeverity = e -> Severity.of(e.health());
    private Function<ClusterNode, Severity> nodeSeverity = n -> Severity.of(n.health());
    private Function<TopologyEdge, TopologyViewModel.LinkStatus> badge = e -> null;
    private Function<TopologyEdge, String> tooltipText = e -> null;
    private Consumer<TopologyLayout.NodeBox> onNodeOpen = n -> { };
    private Consumer<TopologyLayout.EdgePath> onEdgeOpen = e -> { };
    private java.util.function.BiConsumer<TopologyLayout.EdgePath, javafx.scene.input.ContextMenuEvent> onEdgeMenu =
            (e, ev) -> { };
    private final Tooltip tooltip = new Tooltip();
    private TopologyEdge hovered;
    private final Region nodeProbe = probe("topology-node");
    private final Region textProbe = probe("topology-text");
    private final Region selectedProbe = probe("topology-selected");
    private Topology topology = new Topology(java.util.List.of(), java.util.List.of());
    private TopologyLayout.Result layout;
    private String selectedId;
    private boolean redrawRequested;
    private Consumer<TopologyLayout.NodeBox> onNode = n -> { };
    private Consumer<TopologyLayout.EdgePath> onEdge = e -> { };
    private Runnable onNothing = () -> { };

    public TopologyCanvas() {
        getStyleClass().add("topology-canvas");
        boolean atlanta = String.valueOf(Application.getUserAgentStylesheet()).toLowerCase(Locale.ROOT)
                .contains("atlantafx");
        for (Severity v : Severity.values()) {
            String name = v.name().toLowerCase(Locale.ROOT);
            severityProbes.put(v, probe("topology-severity-" + name));
            if (atlanta) {
                // only under AtlantaFX: elsewhere its variables do not exist and every lookup would log a warning
                themeProbes.put(v, probe("topology-theme-" + name));
            }
        }
        getChildren().add(canvas);
        canvas.setOnMouseClicked(ev -> {
            if (layout == null) {
                return;
            }
            boolean twice = ev.getClickCount() == 2;
            var node = layout.nodeAt(ev.getX(), ev.getY());
            if (node.isPresent()) {
                onNode.accept(node.get());
                if (twice) {
                    onNodeOpen.accept(node.get());
                }
                return;
            }
            var edge = layout.edgeAt(ev.getX(), ev.getY(), 8);
            if (edge.isPresent()) {
                onEdge.accept(edge.get());
                if (twice) {
                    onEdgeOpen.accept(edge.get());
                }
            } else {
                onNothing.run();
            }
        });
        // right-click (or the menu key) on a link: what can be done with it (its health, its records compared)
        canvas.setOnContextMenuRequested(ev -> {
            if (layout != null) {
                layout.edgeAt(ev.getX(), ev.getY(), 8).ifPresent(edge -> {
                    onEdge.accept(edge);
                    onEdgeMenu.accept(edge, ev);
                });
            }
        });
        canvas.setOnMouseMoved(ev -> hover(layout == null ? null : layout.edgeAt(ev.getX(), ev.getY(), 8)
                .map(TopologyLayout.EdgePath::edge).orElse(null)));
        canvas.setOnMouseExited(ev -> hover(null));
        setMinSize(200, 150);
        setPrefSize(900, 600);
    }

    private Region probe(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setVisible(false);
        getChildren().add(r);
        return r;
    }

    public void setTopology(Topology t) {
        this.topology = t;
        layout = null;
        requestRedraw();
    }

    /** Highlights a node or edge by id (null: nothing). */
    public void setSelectedId(String id) {
        this.selectedId = id;
        requestRedraw();
    }

    public void setOnNode(Consumer<TopologyLayout.NodeBox> handler) {
        onNode = handler;
    }

    public void setOnEdge(Consumer<TopologyLayout.EdgePath> handler) {
        onEdge = handler;
    }

    public void setOnNothing(Runnable handler) {
        onNothing = handler;
    }

    /** Double-click handlers: a cluster, a link. */
    public void setOnOpen(Consumer<TopologyLayout.NodeBox> node, Consumer<TopologyLayout.EdgePath> edge) {
        onNodeOpen = node;
        onEdgeOpen = edge;
    }

    /** A context menu asked for on a link (right-click, menu key); the link is selected first. */
    public void setOnEdgeMenu(java.util.function.BiConsumer<TopologyLayout.EdgePath,
            javafx.scene.input.ContextMenuEvent> menu) {
        onEdgeMenu = menu;
    }

    /** How links and clusters read, the badge under a link's label, a link's tooltip. Redraws. */
    public void setStyling(Function<TopologyEdge, Severity> edges, Function<ClusterNode, Severity> nodes,
                           Function<TopologyEdge, TopologyViewModel.LinkStatus> badges,
                           Function<TopologyEdge, String> tooltips) {
        edgeSeverity = edges;
        nodeSeverity = nodes;
        badge = badges;
        tooltipText = tooltips;
        requestRedraw();
    }

    /** The text the tooltip shows for the link under the mouse; null when none. */
    public String tooltipTextOf(TopologyEdge e) {
        return e == null ? null : tooltipText.apply(e);
    }

    private void hover(TopologyEdge e) {
        if (e == hovered) {
            return;
        }
        hovered = e;
        String text = tooltipTextOf(e);
        if (text == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(text);
            Tooltip.install(canvas, tooltip);
        }
    }

    /** The colour of a severity: the theme's, else the app's, else a fixed one. */
    Paint colour(Severity v) {
        Region theme = themeProbes.get(v);
        Paint p = theme == null ? null : fill(theme, null);
        if (p != null) {
            return p;
        }
        return fill(severityProbes.get(v), switch (v) {
            case OK -> Color.web("#1a7f37");
            case WARNING -> Color.web("#9a6700");
            case DANGER -> Color.web("#cf222e");
            case NEUTRAL -> Color.GRAY;
        });
    }

    /** The current geometry (null before the first layout pass). */
    public TopologyLayout.Result layoutResult() {
        return layout;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            layout = null;
        }
        draw();
    }

    /** Coalesces redraws to one per pulse. */
    public void requestRedraw() {
        if (!redrawRequested) {
            redrawRequested = true;
            Platform.runLater(() -> {
                redrawRequested = false;
                draw();
            });
        }
    }

    private static Paint fill(Region probe, Color fallback) {
        probe.applyCss();
        var bg = probe.getBackground();
        return bg == null || bg.getFills().isEmpty() ? fallback : bg.getFills().getFirst().getFill();
    }

    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        if (layout == null) {
            layout = TopologyLayout.layout(topology, w, h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        Paint text = fill(textProbe, Color.BLACK);
        Paint nodeFill = fill(nodeProbe, Color.WHITE);
        Paint selected = fill(selectedProbe, Color.DODGERBLUE);
        // Looked up once per frame: a CSS pass per arrow would dominate with 300 links.
        Map<Severity, Paint> health = new EnumMap<>(Severity.class);
        for (Severity state : Severity.values()) {
            health.put(state, colour(state));
        }
        Font small = Font.font("System", 11);
        Font bold = Font.font("System", FontWeight.BOLD, 12);
        g.setLineCap(StrokeLineCap.ROUND);
        for (TopologyLayout.EdgePath e : layout.edges()) {
            Paint colour = health.get(edgeSeverity.apply(e.edge()));
            boolean sel = e.edge().id().equals(selectedId);
            g.setStroke(colour);
            g.setLineWidth(sel ? 4 : 2);
            g.beginPath();
            g.moveTo(e.x1(), e.y1());
            g.quadraticCurveTo(e.cx(), e.cy(), e.x2(), e.y2());
            g.stroke();
            arrowHead(g, e, colour);
        }
        // Labels after all curves so no arrow crosses a label.
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (TopologyLayout.EdgePath e : layout.edges()) {
            double lw = TopologyLayout.labelSize(e)[0];
            g.setFill(nodeFill);
            g.setGlobalAlpha(0.88);
            g.fillRoundRect(e.lx() - lw / 2, e.ly() - 15, lw, 30, 6, 6);
            g.setGlobalAlpha(1);
            g.setFill(health.get(edgeSeverity.apply(e.edge())));
            g.setFont(bold);
            g.fillText(e.label().get(0), e.lx(), e.ly() - 7);
            g.setFill(text);
            g.setFont(small);
            g.fillText(e.label().get(1), e.lx(), e.ly() + 7);
            TopologyViewModel.LinkStatus b = badge.apply(e.edge());
            if (b != null) {
                double bw = Math.min(260, b.text().length() * 6.4 + 14);
                g.setFill(health.get(b.severity()));
                g.fillRoundRect(e.lx() - bw / 2, e.ly() + 17, bw, 17, 8, 8);
                g.setFill(nodeFill);
                g.fillText(b.text(), e.lx(), e.ly() + 25.5, bw - 8);
            }
        }
        for (TopologyLayout.NodeBox n : layout.nodes()) {
            boolean sel = n.node().id().equals(selectedId);
            g.setFill(nodeFill);
            g.fillRoundRect(n.x(), n.y(), n.w(), n.h(), 10, 10);
            g.setStroke(sel ? selected : health.get(nodeSeverity.apply(n.node())));
            g.setLineWidth(sel ? 3.5 : 2);
            if (n.node().external()) {
                g.setLineDashes(6, 4);
            }
            g.strokeRoundRect(n.x(), n.y(), n.w(), n.h(), 10, 10);
            g.setLineDashes((double[]) null);
            g.setFill(text);
            g.setFont(bold);
            g.fillText(ellipsis(n.node().name(), n.w()), n.cx(), n.cy() - 7);
            g.setFont(small);
            g.fillText(n.node().external() ? "external" : n.node().namespace(), n.cx(), n.cy() + 9);
        }
    }

    private static String ellipsis(String s, double width) {
        int max = (int) ((width - 12) / 7.2);
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static void arrowHead(GraphicsContext g, TopologyLayout.EdgePath e, Paint colour) {
        double dx = e.x2() - e.cx();
        double dy = e.y2() - e.cy();
        double len = Math.max(1, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double size = 11;
        g.setFill(colour);
        g.fillPolygon(new double[] {e.x2(), e.x2() - ux * size - uy * size * 0.55,
            e.x2() - ux * size + uy * size * 0.55},
                new double[] {e.y2(), e.y2() - uy * size + ux * size * 0.55, e.y2() - uy * size - ux * size * 0.55}, 3);
    }
}
