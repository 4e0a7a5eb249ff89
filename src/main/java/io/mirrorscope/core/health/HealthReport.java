package io.mirrorscope.core.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The health snapshot as the CLI prints it: a JSON-ready tree (the field names; fields may be added, never
 * renamed) and a compact table for a terminal.
 */
public final class HealthReport {

    private HealthReport() {
    }

    /** {@code {"links": [...]}} with plain maps and lists (serialised by the caller). */
    public static Map<String, Object> tree(HealthSnapshot snapshot) {
        List<Object> links = new ArrayList<>();
        for (LinkHealth l : snapshot.links()) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("name", l.spec().name());
            link.put("source", cluster(l.source(), l.atMillis()));
            link.put("target", cluster(l.target(), l.atMillis()));
            link.put("verdict", l.verdict().label());
            link.put("reasons", l.reasons());
            link.put("notes", l.notes());
            link.put("crStatus", l.crHealth().name().toLowerCase(Locale.ROOT));
            List<Object> topics = new ArrayList<>();
            for (LinkHealth.TopicHealth t : l.topics()) {
                Map<String, Object> topic = new LinkedHashMap<>();
                topic.put("source", t.source());
                topic.put("target", t.target());
                topic.put("state", t.state().label());
                Map<String, Object> partitions = new LinkedHashMap<>();
                partitions.put("source", t.sourcePartitions());
                partitions.put("target", t.targetPartitions());
                topic.put("partitions", partitions);
                topic.put("endOffsetGap", t.endOffsetGap());
                topic.put("sourceRate", round(t.sourceRate()));
                topic.put("targetRate", round(t.targetRate()));
                topic.put("lagSeconds", round(t.lagSeconds()));
                List<Object> drift = new ArrayList<>();
                for (ConfigDrift d : t.configDrift()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", d.name());
                    m.put("source", d.source());
                    m.put("target", d.target());
                    drift.add(m);
                }
                topic.put("configDrift", drift);
                if (t.note() != null) {
                    topic.put("note", t.note());
                }
                topics.add(topic);
            }
            link.put("topics", topics);
            Map<String, Object> hb = new LinkedHashMap<>();
            hb.put("topic", l.heartbeats() == null ? l.spec().replicatedHeartbeatsTopic() : l.heartbeats().topic());
            hb.put("newestTimestamp", l.heartbeats() == null ? null : l.heartbeats().newestTimestamp());
            hb.put("ageMs", l.heartbeats() == null ? null : l.heartbeats().ageMs());
            hb.put("stale", l.heartbeats() != null && l.heartbeats().stale());
            hb.put("throughMirror", l.heartbeats() != null && l.heartbeats().throughMirror());
            link.put("heartbeats", hb);
            List<Object> cps = new ArrayList<>();
            for (LinkHealth.CheckpointHealth c : l.checkpoints()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("group", c.group());
                m.put("topic", c.topic());
                m.put("partition", c.partition());
                m.put("upstreamOffset", c.upstreamOffset());
                m.put("downstreamOffset", c.downstreamOffset());
                m.put("targetTopic", c.targetTopic());
                m.put("reReadEstimate", c.reReadEstimate());
                m.put("failover", c.failover());
                cps.add(m);
            }
            link.put("checkpoints", cps);
            List<Object> syncs = new ArrayList<>();
            for (LinkHealth.OffsetSyncHealth o : l.offsetSyncs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("topic", o.topic());
                m.put("partition", o.partition());
                m.put("upstreamOffset", o.upstream());
                m.put("downstreamOffset", o.downstream());
                m.put("behindSourceEnd", o.behindSource());
                syncs.add(m);
            }
            link.put("offsetSyncs", syncs);
            link.put("transforms", l.transforms());
            links.add(link);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("links", links);
        return root;
    }

    private static Map<String, Object> cluster(LinkHealth.ClusterHealth c, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alias", c.alias());
        m.put("bootstrap", c.bootstrap());
        m.put("reachable", c.reachable());
        m.put("lastAnswerAgoMs", c.sinceLastAnswerMs(now));
        if (c.problem() != null) {
            m.put("problem", c.problem());
        }
        return m;
    }

    private static Double round(Double d) {
        return d == null ? null : Math.round(d * 10) / 10.0;
    }

    /** A few lines per link: verdict, reasons, notes, topics, heartbeats, checkpoints, what the mirror does. */
    public static String table(HealthSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        for (LinkHealth l : snapshot.links()) {
            out.append(String.format(Locale.ROOT, "%s  %s -> %s  %s (CR: %s)%n", l.spec().name(),
                    side(l.source(), l.atMillis()), side(l.target(), l.atMillis()),
                    l.verdict().label().toUpperCase(Locale.ROOT), l.crHealth().name().toLowerCase(Locale.ROOT)));
            l.reasons().forEach(r -> out.append("  ! ").append(r).append('\n'));
            l.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
            if (!l.topics().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-32s %-36s %-13s %-7s %10s %9s %9s %s%n", "SOURCE",
                        "TARGET", "STATE", "PARTS", "GAP", "SRC/S", "TGT/S", "DRIFT"));
                for (LinkHealth.TopicHealth t : l.topics()) {
                    out.append(String.format(Locale.ROOT, "  %-32s %-36s %-13s %-7s %10s %9s %9s %s%n",
                            t.source(), t.target(), t.state().label(), parts(t), dash(t.endOffsetGap()),
                            rate(t.sourceRate()), rate(t.targetRate()), drift(t)));
                }
            }
            if (l.heartbeats() != null) {
                out.append("  heartbeats ").append(l.heartbeats().topic()).append(": ")
                        .append(l.heartbeats().ageMs() == null ? "none" : "newest " + l.heartbeats().ageMs()
                                + " ms old" + (l.heartbeats().stale() ? " (stale)" : "")).append('\n');
            }
            l.checkpoints().forEach(c -> out.append("  checkpoint ").append(c.group()).append(' ').append(c.topic())
                    .append('-').append(c.partition()).append(" upstream ").append(c.upstreamOffset())
                    .append(": ").append(c.failover()).append('\n'));
            l.offsetSyncs().forEach(o -> out.append("  offset sync ").append(o.topic()).append('-')
                    .append(o.partition()).append(": source ").append(o.upstream()).append(" -> target ")
                    .append(o.downstream()).append(o.behindSource() == null ? "" : ", source end "
                            + o.behindSource() + " past it").append('\n'));
            l.transforms().forEach(t -> out.append("  this mirror ").append(t).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private static String side(LinkHealth.ClusterHealth c, long now) {
        return c.alias() + (c.reachable() ? "" : " (no answer" + (c.lastAnswerMillis() == null ? ""
                : " for " + c.sinceLastAnswerMs(now) / 1000 + " s") + ")");
    }

    private static String parts(LinkHealth.TopicHealth t) {
        return dash(t.sourcePartitions()) + "/" + dash(t.targetPartitions());
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String rate(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String drift(LinkHealth.TopicHealth t) {
        if (t.configDrift().isEmpty()) {
            return t.note() == null ? "" : t.note();
        }
        return String.join(", ", t.configDrift().stream().map(d -> d.name() + " " + d.source() + "≠" + d.target())
                .toList());
    }
}
