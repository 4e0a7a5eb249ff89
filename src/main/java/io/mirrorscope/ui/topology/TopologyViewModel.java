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
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkHealth;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.ui.common.Severity;
import io.mirrorscope.ui.common.ViewTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the topology view: the topology of the newest inventory, the selected cluster or link, and its
 * details text; each link's verdict from the data (mirror health) and any status badge another view put on it.
 * Colours follow the data's verdict where there is one, else the custom resource's status. Selection survives a
 * refresh when the selected thing still exists. FX-thread only; no toolkit needed to test.
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

    /** What the data says about one link, and how it reads. */
    public record LinkVerdict(Severity severity, String verdict, List<String> reasons, long atMillis) {
    }

    /** A short status another view shows on a link (e.g. a running comparison's lag and missing counts). */
    public record LinkStatus(String text, Severity severity) {
    }

    private final Map<String, LinkVerdict> verdicts = new HashMap<>();
    private final Map<String, Severity> reachability = new HashMap<>();
    private final Map<String, LinkStatus> badges = new HashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper healthWanted = new ReadOnlyBooleanWrapper(this, "healthWanted");
    private int openViews;
    private Consumer<ViewTarget> opener = t -> { };
    private Consumer<TopologyEdge> compareAction = e -> { };

    /** Changes whenever verdicts or badges change: the picture redraws. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** True while a topology view is open: the app then watches every mirror's health to colour its links. */
    public ReadOnlyBooleanProperty healthWantedProperty() {
        return healthWanted.getReadOnlyProperty();
    }

    /** A topology view opened (counts views: the tab can be opened again after closing). */
    public void viewOpened() {
        openViews++;
        healthWanted.set(true);
    }

    /** A topology view closed. */
    public void viewClosed() {
        openViews = Math.max(0, openViews - 1);
        healthWanted.set(openViews > 0);
    }

    /** Where double-clicks go (the app opens the target). */
    public void setOpener(Consumer<ViewTarget> opener) {
        this.opener = opener == null ? t -> { } : opener;
    }

    /**
     * Shows a mirror's health round: its {@code i}-th link's verdict on the topology link {@code #i} of that
     * mirror; both clusters of a link turn red when they do not answer, green when they do.
     */
    public void showHealth(String namespace, String mirrorName, HealthSnapshot snapshot) {
        for (TopologyEdge e : topology.get().edges()) {
            if (!e.mirror().namespace().equals(namespace) || !e.mirror().name().equals(mirrorName)) {
                continue;
            }
            int index = e.mirror().links().indexOf(e.link());
            if (index < 0 || index >= snapshot.links().size()) {
                continue;
            }
            LinkHealth l = snapshot.links().get(index);
            verdicts.put(e.id(), new LinkVerdict(Severity.of(l.verdict()), l.verdict().label(), l.reasons(),
                    l.atMillis()));
            reachability.put(e.source().id(), l.source().reachable() ? Severity.OK : Severity.DANGER);
            reachability.put(e.target().id(), l.target().reachable() ? Severity.OK : Severity.DANGER);
        }
        changed();
    }

    /**
     * Puts a short status on a link, drawn under its label in the severity's colour, until cleared: for views that
     * follow a link live (a running comparison's "lag 120 · 3 missing"). {@code linkKey} is the link's id
     * ({@link TopologyEdge#id()}, {@code Topology.edgeId(mirror, index)}); a null or blank text clears it.
     */
    public void showLinkStatus(String linkKey, String text, Severity severity) {
        if (text == null || text.isBlank()) {
            badges.remove(linkKey);
        } else {
            badges.put(linkKey, new LinkStatus(text, severity == null ? Severity.NEUTRAL : severity));
        }
        changed();
    }

    /**
     * A running comparison's status as the link's badge: "compare: lag 120 (3.2 s) · 24 missing · 2 dup." — red
     * with missing records, amber with a lag of 10 s or more, green otherwise; null clears it.
     */
    public void showCompareStatus(String linkKey, io.mirrorscope.core.mirror.LinkCompareStatus s) {
        if (s == null) {
            clearLinkStatus(linkKey);
            return;
        }
        StringBuilder text = new StringBuilder("compare: lag ").append(String.format(Locale.ROOT, "%,d", s.lag()));
        if (s.lag() > 0) {
            text.append(String.format(Locale.ROOT, " (%.1f s)", s.lagSeconds()));
        }
        if (s.missing() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d missing", s.missing()));
        }
        if (s.duplicates() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d dup.", s.duplicates()));
        }
        showLinkStatus(linkKey, text.toString(), s.missing() > 0 ? Severity.DANGER
                : s.lagSeconds() >= 10 ? Severity.WARNING : Severity.OK);
    }

    /** Removes a link's status badge. */
    public void clearLinkStatus(String linkKey) {
        showLinkStatus(linkKey, null, null);
    }

    /** The status badge of a link; null when none. */
    public LinkStatus linkStatus(String linkKey) {
        return badges.get(linkKey);
    }

    /** The data's verdict on a link; null until its mirror's health was read. */
    public LinkVerdict verdict(String linkKey) {
        return verdicts.get(linkKey);
    }

    /** How a link reads: the data's verdict when known, else its custom resource's status. */
    public Severity severity(TopologyEdge e) {
        LinkVerdict v = verdicts.get(e.id());
        return v != null ? v.severity() : Severity.of(e.health());
    }

    /** The clusters ({@code namespace/name}) the newest health rounds found not answering. */
    public java.util.Set<String> unreachableClusters() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (ClusterNode n : topology.get().nodes()) {
            if (!n.external() && reachability.get(n.id()) == Severity.DANGER) {
                out.add(n.namespace() + "/" + n.name());
            }
        }
        return out;
    }

    /** How a cluster reads: red when a health round found it not answering, whatever its CR says. */
    public Severity severity(ClusterNode n) {
        Severity data = reachability.get(n.id());
        Severity cr = Severity.of(n.health());
        return data == null ? cr : data == Severity.DANGER ? data : cr.worst(Severity.OK);
    }

    /** The tooltip of a link: mirror, verdict and its first reasons, the CR status, the badge. */
    public String tooltip(TopologyEdge e) {
        StringBuilder s = new StringBuilder(e.mirror().name()).append(": ")
                .append(e.source().name()).append(" → ").append(e.target().name()).append('\n');
        LinkVerdict v = verdicts.get(e.id());
        if (v == null) {
            s.append("Data: not read yet").append('\n');
        } else {
            s.append("Data: ").append(v.verdict());
            v.reasons().stream().limit(3).forEach(r -> s.append("\n  • ").append(r));
            s.append('\n');
        }
        s.append("Custom resource: ").append(lower(e.health()));
        LinkStatus b = badges.get(e.id());
        if (b != null) {
            s.append('\n').append(b.text());
        }
        return s.append("\nDouble-click for its health, right-click to compare its records").toString();
    }

    /** Double-click on a cluster: its topic browser (external addresses have none). */
    public void open(ClusterNode node) {
        if (!node.external()) {
            opener.accept(new ViewTarget.Cluster(node.namespace(), node.name()));
        }
    }

    /** What "Compare records…" on a link does (the app opens the compare dialog for it); unset: nothing. */
    public void setCompareAction(Consumer<TopologyEdge> action) {
        this.compareAction = action == null ? e -> { } : action;
    }

    /** "Compare records…" on a link: its records side by side. */
    public void compare(TopologyEdge edge) {
        compareAction.accept(edge);
    }

    /** Double-click on a link: its mirror's health (MirrorMaker 1, which has none, opens in the inventory). */
    public void open(TopologyEdge edge) {
        Mirror m = edge.mirror();
        opener.accept(m.kind() == MirrorKind.KafkaMirrorMaker ? new ViewTarget.Mirror(m.namespace(), m.name())
                : new ViewTarget.Health(m.namespace(), m.name()));
    }

    private void summarise() {
        Topology t = topology.get();
        long failing = t.edges().stream().filter(e -> severity(e) == Severity.DANGER).count();
        long degraded = t.edges().stream().filter(e -> severity(e) == Severity.WARNING).count();
        long external = t.nodes().stream().filter(ClusterNode::external).count();
        summary.set(t.nodes().size() - external + " clusters" + (external > 0 ? " + " + external + " external" : "")
                + " · " + t.edges().size() + (t.edges().size() == 1 ? " link" : " links")
                + (failing > 0 ? " · " + failing + " failing" : "")
                + (degraded > 0 ? " · " + degraded + " degraded" : ""));
    }

    private void changed() {
        summarise();
        revision.set(revision.get() + 1);
        String id = selectedId.get();
        if (id != null) {
            topology.get().edges().stream().filter(e -> e.id().equals(id)).findFirst()
                    .ifPresent(e -> details.set(health(e) + describe(e)));
        }
    }

    private String health(TopologyEdge e) {
        LinkVerdict v = verdicts.get(e.id());
        LinkStatus b = badges.get(e.id());
        StringBuilder s = new StringBuilder();
        // first: what the data says outranks what the resource says, below
        if (v != null) {
            s.append("From the data: ").append(v.verdict()).append('\n');
            v.reasons().forEach(r -> s.append("  • ").append(r).append('\n'));
        }
        if (b != null) {
            s.append("Live: ").append(b.text()).append('\n');
        }
        return s.isEmpty() ? "" : s.append('\n').toString();
    }

    // Commands

    /** Shows a new inventory; keeps the selection when its id still exists. */
    public void setInventory(Inventory inventory) {
        Topology t = inventory.topology();
        topology.set(t);
        summarise();
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
        details.set(health(edge) + describe(edge));
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
