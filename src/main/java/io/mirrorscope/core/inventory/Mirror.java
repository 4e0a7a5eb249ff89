package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A mirror: a KafkaMirrorMaker, a KafkaMirrorMaker2, or a MirrorSourceConnector run as KafkaConnector.
 *
 * @param meta       identity and manifest
 * @param kind       what runs it
 * @param conditions status conditions
 * @param links      its flows (MM1 and a connector: one; MM2: one per {@code mirrors[]} entry)
 * @param connectors connector statuses reported in the CR's status
 * @param replicas   spec.replicas (MM1/MM2) or spec.tasksMax (connector); may be null
 * @param notes      reader notes
 */
public record Mirror(ResourceMeta meta, MirrorKind kind, List<Condition> conditions, List<MirrorLink> links,
                     List<ConnectorStatus> connectors, Integer replicas, List<String> notes) {

    public Mirror {
        conditions = List.copyOf(conditions);
        links = List.copyOf(links);
        connectors = List.copyOf(connectors);
        notes = List.copyOf(notes);
    }

    public String name() {
        return meta.name();
    }

    public String namespace() {
        return meta.namespace();
    }

    /**
     * Ready=True, no connector or task FAILED (strimzi#5715: MM2 can say Ready while a task failed), and no link
     * FAILED (a link the reader found broken: no source, source equals target, unknown aliases).
     */
    public boolean ready() {
        return Condition.ready(conditions) && connectors.stream().noneMatch(ConnectorStatus::failed)
                && links.stream().noneMatch(l -> l.health() == Health.FAILED);
    }

    /**
     * Conditions combined with every connector's state and every FAILED or DEGRADED link (a link whose health is
     * still unknown does not lower a Ready mirror); a failed task or a broken link makes the mirror FAILED.
     */
    public Health health() {
        Health h = Condition.health(conditions);
        for (ConnectorStatus c : connectors) {
            h = h.worst(c.health());
        }
        for (MirrorLink l : links) {
            if (l.health() == Health.FAILED || l.health() == Health.DEGRADED) {
                h = h.worst(l.health());
            }
        }
        return h;
    }

    /** Failed connectors and tasks, one line each ("europe->us.MirrorSourceConnector task 0 FAILED: …"). */
    public List<String> failures() {
        return connectors.stream().filter(ConnectorStatus::failed).map(c -> {
            String trace = c.firstTrace();
            String first = trace == null ? "" : ": " + trace.lines().findFirst().orElse("").strip();
            String what = "FAILED".equals(c.state()) ? c.name() + " FAILED"
                    : c.name() + " task " + c.tasks().stream().filter(t -> "FAILED".equals(t.state()))
                            .map(t -> String.valueOf(t.id())).reduce((a, b) -> a + "," + b).orElse("?")
                    + " FAILED";
            return what + first;
        }).toList();
    }
}
