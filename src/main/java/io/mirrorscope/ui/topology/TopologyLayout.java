package io.mirrorscope.ui.topology;

import io.mirrorscope.core.inventory.ClusterNode;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Topology;
import io.mirrorscope.core.inventory.TopologyEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Geometry of the topology picture, as a pure function of a {@link Topology} and a size: clusters as boxes on an
 * ellipse (namespace, then name; external addresses last), mirror links as quadratic curves between box borders.
 * Links between the same two clusters, in either direction, fan out side by side so a bidirectional pair never
 * overlaps. The same geometry answers hit tests for clicks. No JavaFX: unit-tested without a toolkit.
 */
public final class TopologyLayout {

    /** Approximate text metrics of the canvas font; boxes are sized from them. */
    static final double CHAR_WIDTH = 7.2;
    static final double NODE_HEIGHT = 46;
    static final double MIN_NODE_WIDTH = 110;
    static final double MAX_NODE_WIDTH = 190;
    static final double FAN_SPACING = 70;
    static final double MARGIN = 24;

    private TopologyLayout() {
    }

    /** A cluster box; (x, y) is the top-left corner. */
    public record NodeBox(ClusterNode node, double x, double y, double w, double h) {
        public double cx() {
            return x + w / 2;
        }

        public double cy() {
            return y + h / 2;
        }

        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** A link: quadratic curve (x1,y1) → control (cx,cy) → (x2,y2), label centred at (lx, ly). */
    public record EdgePath(TopologyEdge edge, double x1, double y1, double cx, double cy, double x2, double y2,
                           double lx, double ly, List<String> label, Health health) {

        /** The point at parameter t in [0, 1]. */
        public double[] at(double t) {
            double u = 1 - t;
            return new double[] {u * u * x1 + 2 * u * t * cx + t * t * x2, u * u * y1 + 2 * u * t * cy + t * t * y2};
        }

        /** The same path with its label centred elsewhere. */
        public EdgePath withLabelAt(double x, double y) {
            return new EdgePath(edge, x1, y1, cx, cy, x2, y2, x, y, label, health);
        }

        /** Distance from a point to the curve (sampled; good to a pixel at canvas sizes). */
        public double distance(double px, double py) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i <= 40; i++) {
                double[] p = at(i / 40.0);
                best = Math.min(best, Math.hypot(p[0] - px, p[1] - py));
            }
            return best;
        }
    }

    /** The laid-out picture. */
    public record Result(List<NodeBox> nodes, List<EdgePath> edges, double width, double height) {

        /** The cluster under a point, if any. */
        public Optional<NodeBox> nodeAt(double x, double y) {
            return nodes.stream().filter(n -> n.contains(x, y)).findFirst();
        }

        /** The link whose curve passes within {@code tolerance} of a point, nearest first. */
        public Optional<EdgePath> edgeAt(double x, double y, double tolerance) {
            EdgePath best = null;
            double bestD = tolerance;
            for (EdgePath e : edges) {
                double d = e.distance(x, y);
                if (d <= bestD) {
                    best = e;
                    bestD = d;
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /** Lays out a topology in a {@code width × height} area. */
    public static Result layout(Topology topology, double width, double height) {
        List<ClusterNode> nodes = circleOrder(topology);
        int n = nodes.size();
        double maxW = 0;
        for (ClusterNode c : nodes) {
            maxW = Math.max(maxW, nodeWidth(c));
        }
        double rx = Math.max(0, width / 2 - maxW / 2 - MARGIN);
        double ry = Math.max(0, height / 2 - NODE_HEIGHT / 2 - MARGIN);
        Map<String, NodeBox> boxes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ClusterNode c = nodes.get(i);
            // Start on the left so the first (often the source) cluster reads left to right; go clockwise.
            double angle = Math.PI + 2 * Math.PI * i / Math.max(1, n);
            double cx = n == 1 ? width / 2 : width / 2 + rx * Math.cos(angle);
            double cy = n == 1 ? height / 2 : height / 2 + ry * Math.sin(angle);
            double w = nodeWidth(c);
            boxes.put(c.id(), new NodeBox(c, cx - w / 2, cy - NODE_HEIGHT / 2, w, NODE_HEIGHT));
        }

        // Group links by unordered pair so a→b and b→a share one fan.
        Map<String, List<TopologyEdge>> pairs = new LinkedHashMap<>();
        for (TopologyEdge e : topology.edges()) {
            pairs.computeIfAbsent(pairKey(e), k -> new ArrayList<>()).add(e);
        }
        Map<TopologyEdge, Double> offsets = new HashMap<>();
        for (List<TopologyEdge> group : pairs.values()) {
            for (int k = 0; k < group.size(); k++) {
                offsets.put(group.get(k), (k - (group.size() - 1) / 2.0) * FAN_SPACING);
            }
        }
        List<EdgePath> paths = new ArrayList<>();
        List<double[]> taken = new ArrayList<>();
        for (NodeBox b : boxes.values()) {
            taken.add(new double[] {b.x(), b.y(), b.w(), b.h()});
        }
        for (TopologyEdge e : topology.edges()) {
            EdgePath p = path(e, boxes.get(e.source().id()), boxes.get(e.target().id()), offsets.get(e));
            paths.add(placeLabel(p, taken, width, height));
        }
        return new Result(List.copyOf(boxes.values()), paths, width, height);
    }

    /** Label size estimate in the canvas font (bold name line, small detail line). */
    static double[] labelSize(EdgePath p) {
        return new double[] {Math.max(p.label().get(0).length() * 7.4, p.label().get(1).length() * 6.2) + 12, 30};
    }

    /**
     * Slides a label along its curve (t = 0.5, then 0.4/0.6, 0.3/0.7, …) to the first spot not covering a box
     * or an earlier label; with no free spot it stays in the middle.
     */
    private static EdgePath placeLabel(EdgePath p, List<double[]> taken, double width, double height) {
        double[] size = labelSize(p);
        double[] ts = {0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.25, 0.75, 0.45, 0.55};
        // Then beside the curve (a short link between neighbouring boxes has no room on it).
        double dx = p.x2() - p.x1();
        double dy = p.y2() - p.y1();
        double len = Math.max(1, Math.hypot(dx, dy));
        double[] sides = {0, size[1] * 0.8, -size[1] * 0.8, size[1] * 1.6, -size[1] * 1.6};
        double[] best = null;
        double bestCover = Double.MAX_VALUE;
        for (double side : sides) {
            for (double t : ts) {
                double[] on = t == 0.5 ? new double[] {p.lx(), p.ly()} : p.at(t);
                double[] at = {on[0] - dy / len * side, on[1] + dx / len * side};
                double[] rect = {at[0] - size[0] / 2, at[1] - size[1] / 2, size[0], size[1]};
                boolean inside = rect[0] >= 0 && rect[1] >= 0 && rect[0] + rect[2] <= width
                        && rect[1] + rect[3] <= height;
                if (!inside) {
                    continue;
                }
                double cover = 0;
                for (double[] r : taken) {
                    cover += overlapArea(r, rect);
                }
                if (cover == 0) {
                    taken.add(rect);
                    return p.withLabelAt(at[0], at[1]);
                }
                // No free spot: remember the one hiding the least.
                if (cover < bestCover) {
                    bestCover = cover;
                    best = rect;
                }
            }
        }
        if (best == null) {
            return p;
        }
        taken.add(best);
        return p.withLabelAt(best[0] + best[2] / 2, best[1] + best[3] / 2);
    }

    private static double overlapArea(double[] a, double[] b) {
        double w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /**
     * The order around the ellipse: a depth-first walk of the link graph (neighbours by name) so linked
     * clusters sit next to each other and arrows stay short; unlinked clusters and other components follow.
     */
    static List<ClusterNode> circleOrder(Topology topology) {
        Map<String, ClusterNode> byId = new LinkedHashMap<>();
        topology.nodes().forEach(n -> byId.put(n.id(), n));
        Map<String, java.util.TreeSet<String>> adj = new HashMap<>();
        for (TopologyEdge e : topology.edges()) {
            adj.computeIfAbsent(e.source().id(), k -> new java.util.TreeSet<>()).add(e.target().id());
            adj.computeIfAbsent(e.target().id(), k -> new java.util.TreeSet<>()).add(e.source().id());
        }
        List<ClusterNode> order = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String start : byId.keySet()) {
            if (seen.contains(start)) {
                continue;
            }
            java.util.Deque<String> stack = new java.util.ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                String id = stack.pop();
                if (!seen.add(id)) {
                    continue;
                }
                order.add(byId.get(id));
                // Reverse so the alphabetically first neighbour is visited first.
                adj.getOrDefault(id, new java.util.TreeSet<>()).descendingSet().stream()
                        .filter(n -> !seen.contains(n)).forEach(stack::push);
            }
        }
        return order;
    }

    static double nodeWidth(ClusterNode c) {
        int chars = Math.max(c.name().length(), c.namespace().length() + 2);
        return Math.clamp(chars * CHAR_WIDTH + 24, MIN_NODE_WIDTH, MAX_NODE_WIDTH);
    }

    private static String pairKey(TopologyEdge e) {
        String a = e.source().id();
        String b = e.target().id();
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private static EdgePath path(TopologyEdge e, NodeBox s, NodeBox t, double offset) {
        List<String> label = List.of(e.mirror().name(),
                e.link().topicsPattern() + " · " + e.link().naming().description());
        if (s == t) {
            // A mirror inside one cluster (e.g. topic renaming): a loop above the box.
            double lift = 60 + Math.abs(offset);
            return new EdgePath(e, s.cx() - 20, s.y(), s.cx(), s.y() - lift * 2, s.cx() + 20, s.y(),
                    s.cx(), s.y() - lift, label, e.health());
        }
        // The fan's normal is taken from the ordered pair, so a→b and b→a bend to opposite sides.
        boolean forward = e.source().id().compareTo(e.target().id()) <= 0;
        NodeBox a = forward ? s : t;
        NodeBox b = forward ? t : s;
        double dx = b.cx() - a.cx();
        double dy = b.cy() - a.cy();
        double len = Math.max(1, Math.hypot(dx, dy));
        double nx = -dy / len;
        double ny = dx / len;
        double mx = (s.cx() + t.cx()) / 2 + nx * offset;
        double my = (s.cy() + t.cy()) / 2 + ny * offset;
        // Control point such that the curve passes through (mx, my) at t = 0.5.
        double ctrlX = 2 * mx - (s.cx() + t.cx()) / 2;
        double ctrlY = 2 * my - (s.cy() + t.cy()) / 2;
        double[] start = border(s, ctrlX, ctrlY);
        double[] end = border(t, ctrlX, ctrlY);
        double cx = 2 * mx - (start[0] + end[0]) / 2;
        double cy = 2 * my - (start[1] + end[1]) / 2;
        return new EdgePath(e, start[0], start[1], cx, cy, end[0], end[1], mx, my, label, e.health());
    }

    /** Where the line from a box's centre towards (px, py) leaves the box. */
    static double[] border(NodeBox box, double px, double py) {
        double dx = px - box.cx();
        double dy = py - box.cy();
        if (dx == 0 && dy == 0) {
            return new double[] {box.cx(), box.cy()};
        }
        double sx = dx == 0 ? Double.MAX_VALUE : (box.w() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (box.h() / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {box.cx() + dx * s, box.cy() + dy * s};
    }
}
