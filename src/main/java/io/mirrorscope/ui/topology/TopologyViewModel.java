package io.mirrorscope.ui.topology;

import io.mirrorscope.core.inventory.ClusterNode;
import io.mirrorscope.core.inventory.ConnectorStatus;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.Listener;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.Topology;
import io.mirrorscope.core.inventory.TopologyEdge;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the topology view: the topology of the newest inventory, the selected cluster or link, and its
 * details text. Selection survives a refresh when the selected thing still exists. FX-thread only; no toolkit
 * needed to test.
 */
public final class TopologyViewModel {

    private final io.mirrorscope.ui.common.ProblemSlot problems = new io.mirrorscope.ui.common.ProblemSlot();

    /** The topology view's problem banner (e.g. a PNG that could not be written). */
    public io.mirrorscope.ui.common.ProblemSlot problems() {
        return problems;
    }

    // Properties
    private final ReadOnlyObjectWrapper<Topology> topology = new ReadOnlyObjectWrapper<>(this, "topology",
            new Topology(List.of(), List.of()));
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedId");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details",
            "Click a cluster or a link for its details.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No inventory yet");
    private final ReadOnlyObjectWrapper<Mirror> selectedMirror = new ReadOnlyObjectWrapper<>(this, "selectedMirror");

    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The mirror of the selected link (for "Compare records"); null when a cluster or nothing is selected. */
    public ReadOnlyObjectProperty<Mirror> selectedMirrorProperty() {
        return selectedMirror.getReadOnlyProperty();
    }

    public Topology getTopology() {
        return topology.get();
    }

    // Commands

    /** Shows a new inventory; keeps the selection when its id still exists. */
    public void setInventory(Inventory inventory) {
        Topology t = inventory.topology();
        topology.set(t);
        long failing = t.edges().stream().filter(e -> e.health() == Health.FAILED).count();
        long degraded = t.edges().stream().filter(e -> e.health() == Health.DEGRADED).count();
        long external = t.nodes().stream().filter(ClusterNode::external).count();
        summary.set(t.nodes().size() - external + " clusters" + (external > 0 ? " + " + external + " external" : "")
                + " · " + t.edges().size() + (t.edges().size() == 1 ? " link" : " links")
                + (failing > 0 ? " · " + failing + " failing" : "")
                + (degraded > 0 ? " · " + degraded + " degraded" : ""));
        String id = selectedId.get();
        if (id != null) {
            Optional<ClusterNode> node = t.nodes().stream().filter(n -> n.id().equals(id)).findFirst();
            Optional<TopologyEdge> edge = t.edges().stream().filter(e -> e.id().equals(id)).findFirst();
            if (node.isPresent()) {
                select(node.get());
            } else if (edge.isPresent()) {
                select(edge.get());
            } else {
                clearSelection();
            }
        }
    }

    public void select(ClusterNode node) {
        selectedId.set(node.id());
        selectedMirror.set(null);
        details.set(describe(node, topology.get()));
    }

    public void select(TopologyEdge edge) {
        selectedId.set(edge.id());
        selectedMirror.set(edge.mirror());
        details.set(describe(edge));
    }

    public void clearSelection() {
        selectedId.set(null);
        selectedMirror.set(null);
        details.set("Click a cluster or a link for its details.");
    }

    static String describe(ClusterNode node, Topology t) {
        StringBuilder s = new StringBuilder();
        if (node.external()) {
            s.append("External cluster\n").append(node.name()).append("\n\n")
                    .append("No Kafka resource in the namespaces read has this address.\n");
        } else {
            KafkaCluster c = node.cluster();
            s.append("Kafka ").append(c.namespace()).append('/').append(c.name()).append('\n')
                    .append("API version: ").append(c.meta().apiVersion()).append('\n')
                    .append("State: ").append(lower(c.health())).append('\n')
                    .append("Kafka: ").append(c.kafkaVersion() == null ? "?" : c.kafkaVersion())
                    .append(" · ").append(c.metadataMode().label())
                    .append(" · brokers: ").append(c.brokers() == null ? "?" : c.brokers()).append('\n');
            c.conditions().forEach(cd -> s.append("  ").append(cd.type()).append('=').append(cd.status())
                    .append(cd.reason() == null ? "" : " (" + cd.reason() + ")")
                    .append(cd.message() == null ? "" : ": " + cd.message()).append('\n'));
            s.append("\nListeners\n");
            for (Listener l : c.listeners()) {
                s.append("  ").append(l.name()).append(l.port() == null ? "" : ":" + l.port())
                        .append(l.tls() ? " tls" : "")
                        .append(l.authentication() == null ? "" : " " + l.authentication())
                        .append(" → ")
                        .append(l.bootstrapServers() == null ? "(no address yet)" : l.bootstrapServers())
                        .append('\n');
            }
        }
        List<TopologyEdge> edges = t.edgesAt(node);
        s.append("\nMirror links (").append(edges.size()).append(")\n");
        for (TopologyEdge e : edges) {
            boolean out = e.source().id().equals(node.id());
            s.append("  ").append(out ? "→ " + e.target().name() : "← " + e.source().name()).append("  by ")
                    .append(e.mirror().name()).append(" [").append(lower(e.health())).append("]\n");
        }
        return s.toString();
    }

    static String describe(TopologyEdge e) {
        Mirror m = e.mirror();
        StringBuilder s = new StringBuilder();
        s.append(m.kind()).append(' ').append(m.namespace()).append('/').append(m.name()).append('\n')
                .append("State: ").append(lower(e.health())).append(m.ready() ? " (Ready)" : "").append("\n\n")
                .append("Source: ").append(e.source().name()).append(e.source().external() ? " (external)" : "")
                .append("\n  bootstrap ").append(nvl(e.link().sourceBootstrap()))
                .append(e.link().sourceAlias() == null ? "" : ", alias " + e.link().sourceAlias()).append('\n')
                .append("Target: ").append(e.target().name()).append(e.target().external() ? " (external)" : "")
                .append("\n  bootstrap ").append(nvl(e.link().targetBootstrap()))
                .append(e.link().targetAlias() == null ? "" : ", alias " + e.link().targetAlias()).append('\n')
                .append("Topics: ").append(e.link().topicsPattern())
                .append(e.link().topicsExclude() == null ? "" : " (excluding " + e.link().topicsExclude() + ")")
                .append('\n')
                .append("Target topic naming: ").append(e.link().naming().description()).append('\n')
                .append("  e.g. my-topic → ").append(e.link().naming().targetTopic("my-topic")).append('\n');
        if (!m.conditions().isEmpty()) {
            s.append("\nConditions\n");
        }
        m.conditions().forEach(cd -> s.append("  ").append(cd.type()).append('=').append(cd.status())
                .append(cd.message() == null ? "" : ": " + cd.message()).append('\n'));
        if (!m.connectors().isEmpty()) {
            s.append("\nConnectors\n");
            for (ConnectorStatus c : m.connectors()) {
                s.append("  ").append(c.name()).append(": ").append(nvl(c.state())).append('\n');
                c.tasks().forEach(t -> s.append("    task ").append(t.id()).append(": ").append(t.state())
                        .append(t.trace() == null ? "" : " — " + t.trace().lines().findFirst().orElse(""))
                        .append('\n'));
            }
        }
        return s.toString();
    }

    private static String lower(Health h) {
        return h.name().toLowerCase(Locale.ROOT);
    }

    private static String nvl(String s) {
        return s == null ? "(not set)" : s;
    }
}
