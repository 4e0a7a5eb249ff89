package io.mirrorscope.ui.main;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.TracingBackend;
import io.mirrorscope.ui.common.ViewTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the navigation entries under a namespace from an inventory snapshot: the overview views, then Kafka
 * clusters, mirrors and tracing back-ends. Pure: the same snapshot gives the same tree.
 */
public final class NavigationSections {

    /** Tree keys of the overview entries (identity in the tree only; what they open is their target). */
    public static final String INVENTORY = "view/inventory";
    public static final String TOPOLOGY = "view/topology";

    private NavigationSections() {
    }

    public static List<NavNode> of(Inventory inventory) {
        return of(inventory, java.util.Set.of());
    }

    /**
     * The entries, with the clusters a health round found not answering ({@code namespace/name}) marked failed
     * whatever their custom resource says.
     */
    public static List<NavNode> of(Inventory inventory, java.util.Set<String> unreachable) {
        boolean allNamespaces = inventory.namespaces().isEmpty() || inventory.namespaces().size() > 1;
        List<NavNode> sections = new ArrayList<>();
        sections.add(NavNode.leaf(NavNode.Kind.VIEW, "Inventory", INVENTORY, new ViewTarget.Inventory()));
        sections.add(NavNode.leaf(NavNode.Kind.VIEW, "Topology", TOPOLOGY, new ViewTarget.Topology()));
        sections.add(section("Kafka clusters", "clusters", inventory.clusters().stream()
                .map(c -> entry(NavNode.Kind.CLUSTER, c.meta(), unreachable.contains(c.namespace() + "/" + c.name())
                        ? Health.FAILED : c.health(), allNamespaces, ViewTarget.Cluster::new))
                .toList()));
        sections.add(section("Mirrors", "mirrors", inventory.mirrors().stream()
                .map(m -> withHealth(m, entry(NavNode.Kind.MIRROR, m.meta(), m.health(), allNamespaces,
                        ViewTarget.Mirror::new)))
                .toList()));
        sections.add(section("Tracing", "tracing", inventory.tracing().stream()
                .map(t -> entry(NavNode.Kind.TRACING, t.meta(), health(t), allNamespaces, ViewTarget.Tracing::new))
                .toList()));
        return sections;
    }

    /** The key of a resource entry: kind, namespace and name. */
    public static String key(NavNode.Kind kind, String namespace, String name) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + namespace + "/" + name;
    }

    private static NavNode section(String label, String key, List<NavNode> children) {
        String text = children.isEmpty() ? label + " (none)" : label + " (" + children.size() + ")";
        return new NavNode(NavNode.Kind.SECTION, text, "section/" + key, children);
    }

    private static NavNode entry(NavNode.Kind kind, ResourceMeta meta, Health health, boolean withNamespace,
                                 BiFunction<String, String, ViewTarget> target) {
        String label = withNamespace ? meta.namespace() + "/" + meta.name() : meta.name();
        return new NavNode(kind, label, key(kind, meta.namespace(), meta.name()), List.of(),
                target.apply(meta.namespace(), meta.name()), health);
    }

    /** A mirror whose data can be read (not MirrorMaker 1) gets a "Health" entry below it: its health view. */
    private static NavNode withHealth(Mirror m, NavNode entry) {
        if (m.kind() == MirrorKind.KafkaMirrorMaker) {
            return entry;
        }
        return new NavNode(entry.kind(), entry.label(), entry.key(), List.of(NavNode.leaf(NavNode.Kind.VIEW,
                "Health", entry.key() + "/health", new ViewTarget.Health(m.namespace(), m.name()))), entry.target());
    }

    private static Health health(TracingBackend backend) {
        return backend.notes().isEmpty() ? Health.READY : Health.DEGRADED;
    }
}
