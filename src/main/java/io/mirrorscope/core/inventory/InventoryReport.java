package io.mirrorscope.core.inventory;

import io.mirrorscope.core.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inventory as the CLI prints it: a JSON-ready tree of maps and lists (field names are a public contract:
 * fields may be added, never renamed) and a compact text table.
 */
public final class InventoryReport {

    private InventoryReport() {
    }

    /** The JSON shape of {@code mirrorscope inventory -o json}, as ordered maps and lists. */
    public static Map<String, Object> tree(Inventory inv) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("context", inv.context());
        root.put("namespaces", inv.namespaces());
        root.put("clusters", inv.clusters().stream().map(InventoryReport::cluster).toList());
        root.put("mirrors", inv.mirrors().stream().map(m -> mirror(inv, m)).toList());
        root.put("topics", inv.topics().stream().map(t -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", t.meta().name());
            o.put("namespace", t.meta().namespace());
            o.put("cluster", t.cluster());
            o.put("topicName", t.topicName());
            o.put("partitions", t.partitions());
            o.put("replicas", t.replicas());
            o.put("ready", t.ready());
            return o;
        }).toList());
        root.put("users", inv.users().stream().map(u -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", u.meta().name());
            o.put("namespace", u.meta().namespace());
            o.put("cluster", u.cluster());
            o.put("authentication", u.authentication());
            o.put("ready", u.ready());
            return o;
        }).toList());
        root.put("tracing", inv.tracing().stream().map(t -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", t.meta().name());
            o.put("namespace", t.meta().namespace());
            o.put("kind", t.kind());
            o.put("queryService", t.queryService());
            o.put("queryUrl", t.queryUrl());
            return o;
        }).toList());
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (ResourceKind k : ResourceKind.values()) {
            KindStatus st = inv.kind(k);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("state", st.state().name());
            o.put("version", st.version());
            if (!st.message().isEmpty()) {
                o.put("message", st.message());
            }
            kinds.put(k.kind(), o);
        }
        root.put("kinds", kinds);
        root.put("problems", inv.problems().stream().map(p -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", p.kind());
            o.put("name", p.name());
            o.put("namespace", p.namespace());
            o.put("message", p.message());
            return o;
        }).toList());
        return root;
    }

    private static Map<String, Object> cluster(KafkaCluster c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", c.name());
        o.put("namespace", c.namespace());
        o.put("apiVersion", c.meta().apiVersion());
        o.put("ready", c.ready());
        o.put("kafkaVersion", c.kafkaVersion());
        o.put("metadataMode", c.metadataMode().label());
        o.put("brokers", c.brokers());
        o.put("listeners", c.listeners().stream().map(l -> {
            Map<String, Object> lo = new LinkedHashMap<>();
            lo.put("name", l.name());
            lo.put("type", l.type());
            lo.put("tls", l.tls());
            lo.put("authentication", l.authentication());
            lo.put("bootstrapServers", l.bootstrapServers());
            return lo;
        }).toList());
        return o;
    }

    private static Map<String, Object> mirror(Inventory inv, Mirror m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", m.name());
        o.put("namespace", m.namespace());
        o.put("kind", m.kind().name());
        o.put("ready", m.ready());
        o.put("health", m.health().name().toLowerCase(java.util.Locale.ROOT));
        o.put("links", inv.topology().edgesOf(m).stream().map(e -> {
            Map<String, Object> lo = new LinkedHashMap<>();
            lo.put("sourceCluster", e.source().external() ? null : e.source().name());
            lo.put("targetCluster", e.target().external() ? null : e.target().name());
            lo.put("sourceBootstrap", e.link().sourceBootstrap());
            lo.put("targetBootstrap", e.link().targetBootstrap());
            lo.put("topics", e.link().topicsPattern());
            lo.put("targetTopicPrefix", e.targetTopicPrefix());
            return lo;
        }).toList());
        return o;
    }

    /** A compact, column-aligned text for a terminal. */
    public static String table(Inventory inv) {
        StringBuilder out = new StringBuilder();
        out.append("Context: ").append(inv.context().isEmpty() ? "-" : TerminalText.escape(inv.context()))
                .append("   Namespaces: ").append(inv.namespaces().isEmpty() ? "-"
                        : TerminalText.escape(String.join(", ", inv.namespaces()))).append('\n');
        section(out, "KAFKA CLUSTERS", List.of("NAMESPACE", "NAME", "READY", "VERSION", "METADATA", "BROKERS",
                "API", "LISTENERS"), inv.clusters().stream().map(c -> List.of(c.namespace(), c.name(), yes(c.ready()),
                dash(c.kafkaVersion()), c.metadataMode().label(), dash(c.brokers()),
                Meta.version(c.meta().apiVersion()), c.listeners().stream().map(l -> l.name()
                        + (l.port() == null ? "" : ":" + l.port()) + (l.tls() ? "/tls" : ""))
                        .collect(Collectors.joining(" ")))).toList());
        List<List<String>> links = new ArrayList<>();
        for (Mirror m : inv.mirrors()) {
            List<TopologyEdge> edges = inv.topology().edgesOf(m);
            if (edges.isEmpty()) {
                links.add(List.of(m.namespace(), m.name(), m.kind().name(), health(m), "-", "-", "-"));
            }
            for (TopologyEdge e : edges) {
                links.add(List.of(m.namespace(), m.name(), m.kind().name(), health(m),
                        e.source().name() + " -> " + e.target().name(), e.link().topicsPattern(),
                        e.link().naming().description()));
            }
        }
        section(out, "MIRRORS", List.of("NAMESPACE", "NAME", "KIND", "STATE", "LINK", "TOPICS", "NAMING"), links);
        section(out, "TOPICS", List.of("NAMESPACE", "NAME", "CLUSTER", "PARTITIONS", "REPLICAS", "READY"),
                inv.topics().stream().map(t -> List.of(t.meta().namespace(), t.meta().name(), dash(t.cluster()),
                        dash(t.partitions()), dash(t.replicas()), yes(t.ready()))).toList());
        section(out, "USERS", List.of("NAMESPACE", "NAME", "CLUSTER", "AUTHENTICATION", "READY"),
                inv.users().stream().map(u -> List.of(u.meta().namespace(), u.meta().name(), dash(u.cluster()),
                        dash(u.authentication()), yes(u.ready()))).toList());
        section(out, "TRACING", List.of("NAMESPACE", "NAME", "KIND", "QUERY SERVICE", "URL"),
                inv.tracing().stream().map(t -> List.of(t.meta().namespace(), t.meta().name(), t.kind(),
                        t.queryService() + ":" + t.queryPort(), dash(t.queryUrl()))).toList());
        if (inv.kind(ResourceKind.KAFKA).state() == KindStatus.State.NOT_SERVED) {
            out.append("\nNote: kafka.strimzi.io is not served by this cluster (is Strimzi installed?)\n");
        }
        if (!inv.problems().isEmpty()) {
            section(out, "PROBLEMS", List.of("NAMESPACE", "KIND", "NAME", "MESSAGE"),
                    inv.problems().stream().map(p -> List.of(dash(p.namespace()), p.kind(), dash(p.name()),
                            p.message().lines().findFirst().orElse(""))).toList());
        }
        return out.toString();
    }

    private static String health(Mirror m) {
        return m.health().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static String dash(Object o) {
        return o == null || o.toString().isEmpty() ? "-" : o.toString();
    }

    /** Every cell goes through {@link TerminalText#escape}: CR fields are written by whoever may edit the CRs. */
    private static void section(StringBuilder out, String title, List<String> header, List<List<String>> rawRows) {
        List<List<String>> rows = rawRows.stream().map(r -> r.stream().map(TerminalText::escape).toList()).toList();
        out.append('\n').append(title).append(" (").append(rows.size()).append(")\n");
        if (rows.isEmpty()) {
            return;
        }
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        row(out, header, w);
        rows.forEach(r -> row(out, r, w));
    }

    private static void row(StringBuilder out, List<String> cells, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(w[i] - cells.get(i).length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** The version part of an apiVersion. */
    private static final class Meta {
        static String version(String apiVersion) {
            int slash = apiVersion.indexOf('/');
            return slash >= 0 ? apiVersion.substring(slash + 1) : apiVersion;
        }
    }
}
