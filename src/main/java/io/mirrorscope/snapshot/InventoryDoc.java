package io.mirrorscope.snapshot;

import io.mirrorscope.core.inventory.ConnectCluster;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryProblem;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.KafkaNodePool;
import io.mirrorscope.core.inventory.KafkaUserInfo;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.core.inventory.RouteInfo;
import io.mirrorscope.core.inventory.Topic;
import io.mirrorscope.core.inventory.Topology;
import io.mirrorscope.core.inventory.TracingBackend;
import java.util.List;
import java.util.Map;

/**
 * {@code resources.json}: the inventory's resources as read, every field of the core records, so a snapshot reopens
 * in the same screens. The topology is not stored here: it is a function of clusters and mirrors
 * ({@link Topology#of}), rebuilt on reading (and written, as read, in {@code inventory.json}).
 */
record InventoryDoc(String context, List<String> namespaces, List<KafkaCluster> clusters,
                    List<KafkaNodePool> nodePools, List<Mirror> mirrors, List<ConnectCluster> connects,
                    List<Topic> topics, List<KafkaUserInfo> users, List<TracingBackend> tracing,
                    List<RouteInfo> routes, List<InventoryProblem> problems, Map<ResourceKind, KindStatus> kinds) {

    static InventoryDoc of(Inventory i) {
        return new InventoryDoc(i.context(), i.namespaces(), i.clusters(), i.nodePools(), i.mirrors(), i.connects(),
                i.topics(), i.users(), i.tracing(), i.routes(), i.problems(), i.kinds());
    }

    Inventory toInventory() {
        return new Inventory(context, namespaces, clusters, nodePools, mirrors, connects, topics, users, tracing,
                routes, problems, kinds, Topology.of(clusters, mirrors));
    }
}
