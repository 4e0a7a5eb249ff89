package io.mirrorscope.kafka.health;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.health.LinkSpec;
import io.mirrorscope.core.inventory.ClusterResolver;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.core.inventory.MirrorLink;
import io.mirrorscope.kafka.ClusterAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links of one mirror resource made ready for a {@link HealthMonitor}: each end resolved to its Kafka resource,
 * its listener and credentials read from Kubernetes (GET only) and tunnelled when only internal listeners exist,
 * and the link's connector configuration carried into its {@link LinkSpec}. A cluster used by several links is
 * opened once. The CLI's {@code health --mirror} and the window's health view both start here. Closing closes the
 * connections (tunnels); close the monitor first.
 */
public final class MirrorHealthLinks implements AutoCloseable {

    /**
     * Who to act as and how to reach the brokers.
     *
     * @param groups   regex of the consumer groups whose checkpoints matter; null for all
     * @param user     KafkaUser to act as; null to pick one
     * @param listener listener name; null to pick one
     * @param tunnel   when to port-forward
     */
    public record Access(String groups, String user, String listener, ClusterAccess.TunnelMode tunnel) {
        /** All groups, picked user and listener, tunnels when needed. */
        public static final Access DEFAULTS = new Access(null, null, null, ClusterAccess.TunnelMode.AUTO);
    }

    private final List<HealthMonitor.Link> links;
    private final Map<String, ClusterAccess.Connection> open;

    private MirrorHealthLinks(List<HealthMonitor.Link> links, Map<String, ClusterAccess.Connection> open) {
        this.links = List.copyOf(links);
        this.open = open;
    }

    /**
     * Opens the connections of every link of {@code mirror}; blocking (reads secrets, may open tunnels).
     *
     * @throws ProblemException USAGE for MirrorMaker 1 (no heartbeats or checkpoints), NOT_FOUND when an end is not a
     *                          Kafka resource in the namespaces read, or what opening the connection raised
     */
    public static MirrorHealthLinks open(KubernetesClient client, Inventory inventory, Mirror mirror, Access access) {
        if (mirror.kind() == MirrorKind.KafkaMirrorMaker) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "MirrorMaker 1 (" + mirror.name() + ") writes "
                    + "no heartbeats or checkpoints", "", "Use 'mirrorscope health' with the manual flags and "
                    + "--policy identity"));
        }
        ClusterResolver resolver = new ClusterResolver(inventory.clusters());
        Map<String, ClusterAccess.Connection> open = new LinkedHashMap<>();
        try {
            List<HealthMonitor.Link> links = new ArrayList<>();
            for (MirrorLink link : mirror.links()) {
                ClusterAccess.Connection source = connect(client, resolver, open, link.sourceBootstrap(),
                        mirror.namespace(), "source " + link.sourceAlias(), access);
                ClusterAccess.Connection target = connect(client, resolver, open, link.targetBootstrap(),
                        mirror.namespace(), "target " + link.targetAlias(), access);
                links.add(new HealthMonitor.Link(LinkSpec.of(mirror.name(), link, access.groups(),
                        link.connectorConfig()), source.settings(), target.settings()));
            }
            return new MirrorHealthLinks(links, open);
        } catch (RuntimeException e) {
            open.values().forEach(ClusterAccess.Connection::close);
            throw e;
        }
    }

    private static ClusterAccess.Connection connect(KubernetesClient client, ClusterResolver resolver,
                                                    Map<String, ClusterAccess.Connection> open, String bootstrap,
                                                    String namespace, String role, Access access) {
        KafkaCluster cluster = resolver.resolve(bootstrap, namespace).orElseThrow(() -> new ProblemException(
                Problem.of(Problem.Kind.NOT_FOUND, "The " + role + " (" + bootstrap + ") is not a Kafka resource "
                        + "in namespace " + namespace, "", "Check it with the manual flags of 'mirrorscope health' "
                        + "(--source-bootstrap …)")));
        return open.computeIfAbsent(cluster.namespace() + "/" + cluster.name(), k -> ClusterAccess.open(client,
                new ClusterAccess.Target(cluster.namespace(), cluster.name(), null, access.user(), access.listener(),
                        access.tunnel())));
    }

    /** The links, in the mirror's order (index i is the topology's link {@code #i} of this mirror). */
    public List<HealthMonitor.Link> links() {
        return links;
    }

    /** Whether any cluster is reached through port-forward tunnels. */
    public boolean tunnelled() {
        return open.values().stream().anyMatch(ClusterAccess.Connection::tunnelled);
    }

    @Override
    public void close() {
        open.values().forEach(ClusterAccess.Connection::close);
    }
}
