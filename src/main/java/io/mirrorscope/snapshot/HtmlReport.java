package io.mirrorscope.snapshot;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import io.mirrorscope.core.inventory.ClusterNode;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryProblem;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.TopologyEdge;
import io.mirrorscope.core.mirror.FindingsJson;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The incident report: one self-contained HTML file (inline CSS and SVG only; a Content-Security-Policy that
 * forbids every fetch, so no browser loads anything from the network while showing it) with the topology, the
 * inventory, the findings tables, the lag per partition and each trace's timeline; printable (print CSS). Every text
 * is HTML-escaped (resource fields are written by whoever may edit the resources) and the whole page passes the
 * {@link Redactor}.
 *
 * <p>Elements a reader or a test looks for carry ids and {@code data-} attributes: {@code #findings-summary td[data-
 * field]}, {@code #missing tr[data-partition][data-offset]}, {@code #duplicates}, {@code #lag tr[data-partition]},
 * {@code #topology svg}, {@code .trace[data-trace-id] svg}.
 */
public final class HtmlReport {

    /** Rows of long tables written at most (the snapshot file keeps them all). */
    static final int MAX_ROWS = 500;
    /** Spans per trace drawn at most. */
    static final int MAX_SPANS = 400;

    private static final String CSS = """
            :root{--fg:#1d2330;--muted:#5b6475;--line:#d5dae3;--ok:#2e7d32;--warn:#b26a00;--bad:#c62828;\
            --unk:#6b7280;--accent:#3559c7}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:24px;\
            max-width:1200px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);\
            padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
            .meta{color:var(--muted)}.note{color:var(--warn)}
            table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
            th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f3f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .READY,.MATCHED{color:var(--ok)}.DEGRADED,.PENDING{color:var(--warn)}.FAILED,.MISSING{color:var(--bad)}\
            .UNKNOWN,.EXPIRED,.COMPACTED{color:var(--unk)}
            .bad{color:var(--bad);font-weight:600}
            svg text{font:12px system-ui,sans-serif}
            .trace{break-inside:avoid;margin-bottom:18px}
            @media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}\
            table,svg{break-inside:avoid}.noprint{display:none}a{color:inherit;text-decoration:none}}
            """;

    private HtmlReport() {
    }

    /** Writes the report of {@code s}, with {@code traces} (the snapshot's traces, parsed), to {@code file}. */
    public static void write(Snapshot s, List<Trace> traces, Path file) {
        try {
            Files.writeString(file, html(s, traces), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot write the report " + file,
                    e.getMessage(), "Check that the folder exists and can be written", e));
        }
    }

    /** The report as text. */
    public static String html(Snapshot s, List<Trace> traces) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = "MirrorScope " + s.header().title();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>")
                .append("</head>\n<body>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\" id=\"header\" data-context=\"")
                .append(esc(s.header().context())).append("\" data-taken-at=\"").append(s.header().takenAt())
                .append("\">Namespace ").append(esc(s.header().namespace())).append(" · taken ")
                .append(s.header().takenAt()).append(" · written by MirrorScope ").append(esc(s.header().writtenBy()))
                .append(" · read-only: nothing was changed on the cluster</p>\n");
        for (String n : s.header().notes()) {
            b.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
        }
        topology(b, s.inventory());
        inventory(b, s.inventory());
        if (s.window() != null) {
            window(b, s.window());
        }
        if (s.health() != null) {
            b.append("<h2>Mirror health</h2>\n<div id=\"health\">");
            tree(b, s.health());
            b.append("</div>\n");
        }
        if (!traces.isEmpty()) {
            b.append("<h2 id=\"traces\">Traces (").append(traces.size()).append(")</h2>\n");
            traces.forEach(t -> trace(b, t));
        }
        if (s.window() != null) {
            pairs(b, s.window());
        }
        b.append("</body></html>\n");
        // every text went through esc(), which scrubs; this pass catches what was written without it (numbers, ids)
        return Redactor.scrub(b.toString());
    }

    private static void topology(StringBuilder b, Inventory inv) {
        List<ClusterNode> nodes = inv.topology().nodes();
        List<TopologyEdge> edges = inv.topology().edges();
        b.append("<h2>Topology</h2>\n<div id=\"topology\">");
        if (nodes.isEmpty()) {
            b.append("<p class=\"meta\">No Kafka clusters or mirrors in the namespaces read.</p></div>\n");
            return;
        }
        Map<String, Integer> level = levels(nodes, edges);
        int columns = level.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, Integer> perColumn = new HashMap<>();
        Map<String, double[]> at = new HashMap<>();
        double w = 190;
        double h = 56;
        double gapX = 170;
        double gapY = 40;
        for (ClusterNode n : nodes) {
            int col = level.get(n.id());
            int row = perColumn.merge(col, 1, Integer::sum) - 1;
            at.put(n.id(), new double[] {20 + col * (w + gapX), 20 + row * (h + gapY)});
        }
        int rows = perColumn.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        double width = 40 + columns * w + (columns - 1) * gapX;
        double height = 40 + rows * h + (rows - 1) * gapY;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"topology\" width=\"")
                .append(fmt(width)).append("\" height=\"").append(fmt(height)).append("\" viewBox=\"0 0 ")
                .append(fmt(width)).append(' ').append(fmt(height)).append("\">")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" ")
                .append("markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" ")
                .append("fill=\"#5b6475\"/></marker></defs>");
        for (TopologyEdge e : edges) {
            double[] p = at.get(e.source().id());
            double[] q = at.get(e.target().id());
            boolean reverse = edges.stream().anyMatch(o -> o.source().id().equals(e.target().id())
                    && o.target().id().equals(e.source().id()));
            double bend = reverse ? 26 : 0;
            double x1 = p[0] + (q[0] >= p[0] ? w : 0);
            double x2 = q[0] + (q[0] >= p[0] ? 0 : w);
            if (q[0] == p[0]) {
                x1 = p[0] + w;
                x2 = q[0] + w;
                bend = 60;
            }
            double y1 = p[1] + h / 2 - (reverse ? 8 : 0);
            double y2 = q[1] + h / 2 - (reverse ? 8 : 0);
            double mx = (x1 + x2) / 2 + (q[0] == p[0] ? bend : 0);
            double my = (y1 + y2) / 2 - bend;
            b.append("<g class=\"edge ").append(e.health()).append("\" data-mirror=\"").append(esc(e.mirror().name()))
                    .append("\"><path d=\"M").append(fmt(x1)).append(',').append(fmt(y1)).append(" Q")
                    .append(fmt(mx)).append(',').append(fmt(my)).append(' ').append(fmt(x2)).append(',')
                    .append(fmt(y2)).append("\" fill=\"none\" stroke=\"").append(colour(e.health()))
                    .append("\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>")
                    .append("<text x=\"").append(fmt(mx)).append("\" y=\"").append(fmt((y1 + y2) / 2 - bend / 2 - 6))
                    .append("\" text-anchor=\"middle\" fill=\"#1d2330\">").append(esc(e.mirror().name()))
                    .append(e.targetTopicPrefix().isEmpty() ? "" : " (" + esc(e.targetTopicPrefix()) + "*)")
                    .append("</text></g>");
        }
        for (ClusterNode n : nodes) {
            double[] p = at.get(n.id());
            b.append("<g class=\"node ").append(n.health()).append("\" data-cluster=\"").append(esc(n.name()))
                    .append("\"><rect x=\"").append(fmt(p[0])).append("\" y=\"").append(fmt(p[1]))
                    .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(fmt(h))
                    .append("\" rx=\"8\" fill=\"#fff\" stroke=\"").append(colour(n.health()))
                    .append("\" stroke-width=\"2\"").append(n.external() ? " stroke-dasharray=\"5 4\"" : "")
                    .append("/><text x=\"").append(fmt(p[0] + 12)).append("\" y=\"").append(fmt(p[1] + 23))
                    .append("\" font-weight=\"600\">").append(esc(clip(n.name(), 26))).append("</text><text x=\"")
                    .append(fmt(p[0] + 12)).append("\" y=\"").append(fmt(p[1] + 42)).append("\" fill=\"#5b6475\">")
                    .append(esc(n.external() ? "outside the namespace" : n.health().name().toLowerCase(Locale.ROOT)
                            + (n.cluster().brokers() == null ? "" : " · " + n.cluster().brokers() + " brokers")))
                    .append("</text></g>");
        }
        b.append("</svg></div>\n");
    }

    /** Column of each node: 0 for nodes nothing mirrors into, else one right of its sources (cycles cut). */
    private static Map<String, Integer> levels(List<ClusterNode> nodes, List<TopologyEdge> edges) {
        Map<String, Integer> level = new HashMap<>();
        nodes.forEach(n -> level.put(n.id(), 0));
        for (int round = 0; round < nodes.size(); round++) {
            boolean changed = false;
            for (TopologyEdge e : edges) {
                int next = Math.min(nodes.size() - 1, level.get(e.source().id()) + 1);
                boolean back = edges.stream().anyMatch(o -> o.source().id().equals(e.target().id())
                        && o.target().id().equals(e.source().id()));
                if (back && e.source().id().compareTo(e.target().id()) > 0) {
                    continue;  // a two-way pair: one direction decides the columns
                }
                if (level.get(e.target().id()) < next) {
                    level.put(e.target().id(), next);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return level;
    }

    private static void inventory(StringBuilder b, Inventory inv) {
        b.append("<h2>Inventory</h2>\n<h3>Kafka clusters (").append(inv.clusters().size()).append(")</h3>\n");
        b.append("<table id=\"clusters\"><tr><th>Namespace</th><th>Name</th><th>State</th><th>Kafka</th>")
                .append("<th>Metadata</th><th>Brokers</th><th>Listeners</th><th>Condition</th></tr>");
        for (KafkaCluster c : inv.clusters()) {
            b.append("<tr><td>").append(esc(c.namespace())).append("</td><td>").append(esc(c.name()))
                    .append("</td><td class=\"").append(c.health()).append("\">").append(c.health()).append("</td><td>")
                    .append(esc(dash(c.kafkaVersion()))).append("</td><td>").append(esc(c.metadataMode().label()))
                    .append("</td><td class=\"num\">").append(dash(c.brokers())).append("</td><td>");
            c.listeners().forEach(l -> b.append(esc(l.name())).append(l.tls() ? "/tls " : " "));
            b.append("</td><td>");
            // the condition that explains a cluster that is not ready (its message is what an operator reads first)
            c.conditions().stream().filter(x -> x.message() != null && !x.message().isBlank() && !x.isTrue()
                            || x.message() != null && "Warning".equals(x.type()))
                    .findFirst().ifPresent(x -> b.append(esc(x.type() + "=" + x.status() + ": " + x.message())));
            b.append("</td></tr>");
        }
        b.append("</table>\n<h3>Mirrors (").append(inv.mirrors().size()).append(")</h3>\n");
        b.append("<table id=\"mirrors\"><tr><th>Namespace</th><th>Name</th><th>Kind</th><th>State</th>")
                .append("<th>Links</th><th>Failures</th></tr>");
        for (Mirror m : inv.mirrors()) {
            b.append("<tr><td>").append(esc(m.namespace())).append("</td><td>").append(esc(m.name()))
                    .append("</td><td>").append(m.kind()).append("</td><td class=\"").append(m.health()).append("\">")
                    .append(m.health()).append("</td><td>");
            for (TopologyEdge e : inv.topology().edgesOf(m)) {
                b.append(esc(e.source().name())).append(" → ").append(esc(e.target().name())).append(" (")
                        .append(esc(e.link().topicsPattern())).append(")<br>");
            }
            b.append("</td><td>").append(esc(String.join("; ", m.failures()))).append("</td></tr>");
        }
        b.append("</table>\n");
        if (!inv.problems().isEmpty()) {
            b.append("<h3>Problems (").append(inv.problems().size()).append(")</h3>\n<table id=\"problems\">")
                    .append("<tr><th>Kind</th><th>Namespace</th><th>Name</th><th>Message</th></tr>");
            for (InventoryProblem p : inv.problems()) {
                b.append("<tr><td>").append(esc(p.kind())).append("</td><td>").append(esc(dash(p.namespace())))
                        .append("</td><td>").append(esc(dash(p.name()))).append("</td><td>").append(esc(p.message()))
                        .append("</td></tr>");
            }
            b.append("</table>\n");
        }
    }

    private static void window(StringBuilder b, MirrorWindow w) {
        MatchSnapshot f = w.findings();
        b.append("<h2>Mirror window: ").append(esc(w.mirror())).append("</h2>\n<p class=\"meta\">")
                .append(esc(w.sourceTopic())).append(" on ").append(esc(w.sourceBootstrap())).append(" → ")
                .append(esc(w.targetTopic())).append(" on ").append(esc(w.targetBootstrap())).append("<br>")
                .append(w.fromMillis() >= 0 ? "from " + Instant.ofEpochMilli(w.fromMillis()) + ", " : "")
                .append("compared ").append(Instant.ofEpochMilli(w.startedAt())).append(" to ")
                .append(Instant.ofEpochMilli(w.endedAt())).append(" · pairing ").append(esc(f.pairing().label()))
                .append(" (").append(esc(w.pairingReason())).append(")</p>\n");
        w.notes().forEach(n -> b.append("<p class=\"note\">").append(esc(n)).append("</p>\n"));
        b.append("<h3>Findings</h3>\n<table id=\"findings-summary\"><tr>");
        String[][] cells = {{"sourceRecords", "source records"}, {"targetRecords", "target records"},
            {"matched", "matched"}, {"missing", "missing"}, {"duplicates", "duplicates"}, {"pending", "pending"},
            {"expired", "expired"}};
        long[] values = {f.sourceRecords(), f.targetRecords(), f.matched(), f.missing(), f.duplicates(), f.pending(),
            f.expired()};
        for (String[] c : cells) {
            b.append("<th>").append(c[1]).append("</th>");
        }
        b.append("</tr><tr>");
        for (int i = 0; i < cells.length; i++) {
            boolean bad = (cells[i][0].equals("missing") || cells[i][0].equals("duplicates")) && values[i] > 0;
            b.append("<td class=\"num").append(bad ? " bad" : "").append("\" data-field=\"").append(cells[i][0])
                    .append("\">").append(values[i]).append("</td>");
        }
        b.append("</tr></table>\n<p id=\"delay\">Delay (").append(FindingsJson.label(f.delay().method()))
                .append("): ");
        if (f.delay().measured() > 0) {
            b.append("p50 ").append(f.delay().p50()).append(" ms · p99 ").append(f.delay().p99())
                    .append(" ms · max ").append(f.delay().max()).append(" ms over ").append(f.delay().measured())
                    .append(" pairs");
        } else {
            b.append("not measured (records read from history)");
        }
        b.append("</p>\n");
        lag(b, f);
        b.append("<h3>Missing records (").append(f.missingRecords().size()).append(")</h3>\n");
        b.append("<table id=\"missing\"><tr><th>Partition</th><th>Offset</th><th>Timestamp</th><th>Key</th></tr>");
        f.missingRecords().stream().limit(MAX_ROWS).forEach(m -> b.append("<tr data-partition=\"")
                .append(m.partition()).append("\" data-offset=\"").append(m.offset()).append("\"><td class=\"num\">")
                .append(m.partition()).append("</td><td class=\"num\">").append(m.offset()).append("</td><td>")
                .append(Instant.ofEpochMilli(m.timestamp())).append("</td><td>").append(esc(dash(m.key())))
                .append("</td></tr>"));
        b.append("</table>\n");
        more(b, f.missingRecords().size());
        b.append("<h3>Duplicated records (").append(f.duplicateRecords().size()).append(")</h3>\n");
        b.append("<table id=\"duplicates\"><tr><th>Partition</th><th>Source offset</th><th>Target partition</th>")
                .append("<th>Copies at offsets</th><th>Key</th></tr>");
        f.duplicateRecords().stream().limit(MAX_ROWS).forEach(d -> b.append("<tr data-partition=\"")
                .append(d.partition()).append("\" data-offset=\"").append(d.sourceOffset())
                .append("\"><td class=\"num\">").append(d.partition()).append("</td><td class=\"num\">")
                .append(d.sourceOffset()).append("</td><td class=\"num\">").append(d.targetPartition())
                .append("</td><td>").append(d.targetOffsets()).append("</td><td>").append(esc(dash(d.key())))
                .append("</td></tr>"));
        b.append("</table>\n");
        more(b, f.duplicateRecords().size());
        if (f.findingsTruncated()) {
            b.append("<p class=\"note\">More findings than listed: the counters are exact.</p>\n");
        }
    }

    /** The matched-record table, last: it can be long, and the findings and traces matter first. */
    private static void pairs(StringBuilder b, MirrorWindow w) {
        MatchSnapshot f = w.findings();
        b.append("<h2 id=\"matched\">Matched records (").append(f.recentPairs().size()).append(")</h2>\n");
        b.append("<table id=\"pairs\"><tr><th>Partition</th><th>Offset</th><th>Timestamp</th><th>Key</th>")
                .append("<th>State</th><th>Target</th><th>Copies</th><th>Delay ms</th></tr>");
        f.recentPairs().stream().limit(MAX_ROWS).forEach(r -> b.append("<tr><td class=\"num\">").append(r.partition())
                .append("</td><td class=\"num\">").append(r.offset()).append("</td><td>")
                .append(Instant.ofEpochMilli(r.timestamp())).append("</td><td>").append(esc(dash(r.key())))
                .append("</td><td class=\"").append(r.state()).append("\">").append(r.state()).append("</td><td>")
                .append(r.targetOffset() < 0 ? "-" : r.targetPartition() + "@" + r.targetOffset())
                .append("</td><td class=\"num\">").append(r.copies()).append("</td><td class=\"num\">")
                .append(r.delayMs() < 0 ? "-" : Long.toString(r.delayMs())).append("</td></tr>"));
        b.append("</table>\n");
        more(b, f.recentPairs().size());
        b.append("<p class=\"meta\">Raw records kept in the snapshot file: ").append(w.sourceRecords().records().size())
                .append(" source, ").append(w.targetRecords().records().size()).append(" target")
                .append(w.sourceRecords().dropped() + w.targetRecords().dropped() > 0 ? " (more were read; the file "
                        + "keeps up to " + w.sourceRecords().capBytes() + " bytes per side)" : "").append(".</p>\n");
    }

    /**
     * A JSON-shaped tree (health is stored in the shape of {@code mirrorscope health -o json}): an object is a
     * two-column table, a list of objects a table with a column per field, a list of plain values one line.
     */
    private static void tree(StringBuilder b, Object value) {
        if (value instanceof Map<?, ?> map) {
            b.append("<table>");
            map.forEach((k, v) -> {
                b.append("<tr><th>").append(esc(String.valueOf(k))).append("</th><td>");
                tree(b, v);
                b.append("</td></tr>");
            });
            b.append("</table>");
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance)) {
            List<Object> columns = new ArrayList<>();
            list.forEach(row -> ((Map<?, ?>) row).keySet().forEach(k -> {
                if (!columns.contains(k)) {
                    columns.add(k);
                }
            }));
            b.append("<table><tr>");
            columns.forEach(c -> b.append("<th>").append(esc(String.valueOf(c))).append("</th>"));
            b.append("</tr>");
            for (Object row : list) {
                b.append("<tr>");
                for (Object c : columns) {
                    b.append("<td>");
                    tree(b, ((Map<?, ?>) row).get(c));
                    b.append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
        } else if (value instanceof List<?> list) {
            b.append(esc(String.join(", ", list.stream().map(String::valueOf).toList())));
        } else {
            b.append(value == null ? "-" : esc(String.valueOf(value)));
        }
    }

    /** The lag table and a bar per partition. */
    private static void lag(StringBuilder b, MatchSnapshot f) {
        b.append("<h3>Lag per partition</h3>\n<table id=\"lag\"><tr><th>Partition</th><th>Source end</th>")
                .append("<th>Target end</th><th>Lag (records)</th><th>Lag (s)</th><th>Missing</th>")
                .append("<th>Duplicates</th><th>Pending</th></tr>");
        long max = 0;
        for (MatchSnapshot.PartitionState p : f.partitions()) {
            max = Math.max(max, p.lag());
            b.append("<tr data-partition=\"").append(p.partition()).append("\" data-lag=\"").append(p.lag())
                    .append("\"><td class=\"num\">").append(p.partition()).append("</td><td class=\"num\">")
                    .append(p.sourceEnd()).append("</td><td class=\"num\">").append(p.targetEnd())
                    .append("</td><td class=\"num\">").append(p.lag()).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f", p.lagSeconds())).append("</td><td class=\"num")
                    .append(p.missing() > 0 ? " bad" : "").append("\">").append(p.missing())
                    .append("</td><td class=\"num").append(p.duplicates() > 0 ? " bad" : "").append("\">")
                    .append(p.duplicates()).append("</td><td class=\"num\">").append(p.pending()).append("</td></tr>");
        }
        b.append("</table>\n");
        int n = f.partitions().size();
        if (n == 0 || max == 0) {
            b.append("<p class=\"meta\">").append(n == 0 ? "No partitions read." : "No lag at the end of the window.")
                    .append("</p>\n");
            return;
        }
        double barW = Math.max(6, Math.min(40, 900.0 / n));
        double width = 50 + n * barW;
        b.append("<svg id=\"lag-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"lag per ")
                .append("partition\" width=\"").append(fmt(width)).append("\" height=\"150\">")
                .append("<text x=\"0\" y=\"12\" fill=\"#5b6475\">").append(max).append("</text>")
                .append("<line x1=\"40\" y1=\"10\" x2=\"40\" y2=\"120\" stroke=\"#d5dae3\"/>");
        for (int i = 0; i < n; i++) {
            MatchSnapshot.PartitionState p = f.partitions().get(i);
            double h = p.lag() * 108.0 / max;
            double x = 44 + i * barW;
            b.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(120 - h)).append("\" width=\"")
                    .append(fmt(barW - 3)).append("\" height=\"").append(fmt(h)).append("\" fill=\"")
                    .append(p.missing() > 0 ? "#c62828" : "#3559c7").append("\"><title>partition ")
                    .append(p.partition()).append(": lag ").append(p.lag()).append("</title></rect>");
            if (n <= 40) {
                b.append("<text x=\"").append(fmt(x + (barW - 3) / 2)).append("\" y=\"136\" text-anchor=\"middle\" ")
                        .append("fill=\"#5b6475\">").append(p.partition()).append("</text>");
            }
        }
        b.append("</svg>\n");
    }

    /** A trace's timeline: one row per span (depth-indented label, bar from its start over its duration). */
    private static void trace(StringBuilder b, Trace t) {
        int[] rows = TraceLayout.visibleRows(t, new BitSet());
        int shown = Math.min(rows.length, MAX_SPANS);
        double labelW = 320;
        double axisW = 760;
        double rowH = 18;
        TraceLayout.Viewport view = new TraceLayout.Viewport(0, axisW, shown * rowH, rowH, t.startMicros(),
                t.endMicros());
        b.append("<div class=\"trace\" data-trace-id=\"").append(esc(t.traceId())).append("\" data-spans=\"")
                .append(t.spanCount()).append("\"><h3>Trace ").append(esc(t.traceId()))
                .append("</h3><p class=\"meta\">")
                .append(t.spanCount()).append(" spans · ").append(String.join(", ", t.services().stream()
                        .map(HtmlReport::esc).toList())).append(" · ").append(micros(t.durationMicros()))
                .append(" · started ").append(Instant.ofEpochMilli(t.startMicros() / 1000)).append("</p>");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"trace timeline\" width=\"")
                .append(fmt(labelW + axisW + 10)).append("\" height=\"").append(fmt(shown * rowH + 24)).append("\">");
        for (int q = 0; q <= 4; q++) {
            double x = labelW + axisW * q / 4;
            b.append("<line x1=\"").append(fmt(x)).append("\" y1=\"0\" x2=\"").append(fmt(x)).append("\" y2=\"")
                    .append(fmt(shown * rowH)).append("\" stroke=\"#e6e9ef\"/><text x=\"").append(fmt(x))
                    .append("\" y=\"").append(fmt(shown * rowH + 16)).append("\" text-anchor=\"")
                    .append(q == 0 ? "start" : q == 4 ? "end" : "middle").append("\" fill=\"#5b6475\">")
                    .append(micros(t.durationMicros() * q / 4)).append("</text>");
        }
        for (int r = 0; r < shown; r++) {
            TraceLayout.Bar bar = TraceLayout.bar(t, rows, r, view);
            int span = bar.span();
            boolean error = t.has(span, Trace.ERROR);
            String label = t.service(span) + ": " + t.operation(span);
            double y = r * rowH;
            b.append("<g class=\"span\"><text x=\"").append(fmt(4 + Math.min(t.depth(span), 12) * 10))
                    .append("\" y=\"").append(fmt(y + 13)).append("\">").append(esc(clip(label, 44 - Math.min(
                            t.depth(span), 12)))).append("</text><rect x=\"").append(fmt(labelW + bar.x()))
                    .append("\" y=\"").append(fmt(y + 3)).append("\" width=\"").append(fmt(bar.width()))
                    .append("\" height=\"").append(fmt(rowH - 6)).append("\" rx=\"2\" fill=\"")
                    .append(error ? "#c62828" : serviceColour(t.serviceId(span))).append("\"><title>")
                    .append(esc(label)).append(" · ").append(micros(t.duration(span))).append("</title></rect></g>");
        }
        b.append("</svg>");
        if (rows.length > shown) {
            b.append("<p class=\"meta\">").append(rows.length - shown).append(" more spans: open the snapshot in ")
                    .append("MirrorScope or load its trace file in Jaeger's UI.</p>");
        }
        b.append("</div>\n");
    }

    private static void more(StringBuilder b, int size) {
        if (size > MAX_ROWS) {
            b.append("<p class=\"meta\">").append(size - MAX_ROWS).append(" more rows are in the snapshot file.</p>\n");
        }
    }

    private static String micros(long us) {
        if (us >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f s", us / 1e6);
        }
        if (us >= 1000) {
            return String.format(Locale.ROOT, "%.1f ms", us / 1e3);
        }
        return us + " µs";
    }

    private static final String[] PALETTE = {"#3559c7", "#00897b", "#8e24aa", "#ef6c00", "#5d4037", "#0277bd",
        "#7cb342", "#d81b60"};

    private static String serviceColour(int id) {
        return PALETTE[Math.floorMod(id, PALETTE.length)];
    }

    private static String colour(Health h) {
        return switch (h) {
            case READY -> "#2e7d32";
            case DEGRADED -> "#b26a00";
            case FAILED -> "#c62828";
            case UNKNOWN -> "#6b7280";
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static String dash(Object o) {
        return o == null || o.toString().isEmpty() ? "-" : o.toString();
    }

    /** HTML text and attribute escaping, after scrubbing secrets (so the mask is escaped like any text). */
    static String esc(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Redactor.scrub(raw);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
