package io.mirrorscope.kafka;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.kafka.tunnel.BrokerTunnels;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reaches a Strimzi cluster's brokers with what the cluster already has: picks the listener (external first),
 * trusts the cluster CA, authenticates as a KafkaUser allowed to read the topic, and, when only in-cluster
 * addresses exist, opens port-forward tunnels to every broker pod. The CLI's {@code records} and the topic browser
 * both come through here, with the session's guarded client (reads and the port-forward upgrade only).
 */
public final class ClusterAccess {

    /** When to reach the brokers through port-forward tunnels. */
    public enum TunnelMode { AUTO, ALWAYS, NEVER }

    /**
     * What to connect to.
     *
     * @param namespace the Kafka resource's namespace
     * @param cluster   the Kafka resource's name
     * @param topic     the topic to read, used to choose a KafkaUser whose ACLs allow it; may be null
     * @param user      the KafkaUser to act as, or null to choose one
     * @param listener  the listener name, or null to prefer an external one
     * @param tunnel    whether to tunnel
     */
    public record Target(String namespace, String cluster, String topic, String user, String listener,
                         TunnelMode tunnel) {
    }

    /** Settings to hand to the consumers, and the tunnels they go through (closed with this). */
    public record Connection(ConnectionSettings settings, StrimziConnections.Listener listener,
                             BrokerTunnels tunnels) implements AutoCloseable {
        /** Whether the brokers are reached through port-forward tunnels. */
        public boolean tunnelled() {
            return tunnels != null;
        }

        @Override
        public void close() {
            if (tunnels != null) {
                tunnels.close();
            }
        }
    }

    private ClusterAccess() {
    }

    /** Reads the cluster's listeners and secrets (GET only) and opens what is needed. Blocking: not on FX. */
    public static Connection open(KubernetesClient client, Target target) {
        StrimziClusterReader reader = new StrimziClusterReader(client, target.namespace());
        StrimziConnections.Listener picked = StrimziConnections.pickListener(target.cluster(),
                reader.listeners(target.cluster()), target.listener());
        ConnectionSettings settings = settings(reader, target, picked);
        if (!needsTunnel(target.tunnel(), picked, settings)) {
            return new Connection(settings, picked, null);
        }
        BrokerAddress first;
        try {
            first = BrokerAddress.parseList(settings.bootstrapServers()).getFirst();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Problem.Kind.MALFORMED, "Bad bootstrap address of "
                    + settings.description() + ": " + e.getMessage(), "", "Check the Kafka resource's status"));
        }
        String bootstrapHost = first.host();
        int port = first.port();
        List<String> pods = reader.brokerPods(target.cluster());
        if (pods.isEmpty()) {
            // The Kafka resource exists (its listeners were read above): no pod means the brokers are down or
            // being rolled, a connection failure, not a wrong name.
            throw new ProblemException(Problem.of(Problem.Kind.CONNECTION, "Kafka " + target.cluster()
                            + " has no running broker pods in namespace " + target.namespace(),
                    "the Kafka resource exists; listener " + picked.name() + " is reached through a broker pod",
                    "Check that the brokers run: kubectl get pods -n " + target.namespace() + " -l strimzi.io/cluster="
                            + target.cluster()));
        }
        BrokerTunnels tunnels = BrokerTunnels.open(client, target.namespace(), pods.stream()
                .map(pod -> BrokerTunnels.Broker.strimziInternal(pod, target.cluster(), target.namespace(), port))
                .toList(), bootstrapHost, port);
        return new Connection(settings.withBootstrap(tunnels.bootstrapServers()), picked, tunnels);
    }

    private static ConnectionSettings settings(StrimziClusterReader reader, Target target,
                                               StrimziConnections.Listener picked) {
        String cluster = target.cluster();
        String trust = StrimziConnections.trust(cluster, picked.tls() ? reader.clusterCaSecret(cluster) : null,
                picked);
        ClientAuth auth = new ClientAuth.None();
        boolean userNamed = target.user() != null && !target.user().isBlank();
        if (picked.authentication() != null || userNamed) {
            List<StrimziConnections.User> users = reader.users(cluster);
            if (userNamed) {
                // a typo must not be ignored silently, even on a listener that needs no user
                StrimziConnections.requireUser("Kafka " + cluster, users, target.user());
            }
            if (picked.authentication() != null) {
                StrimziConnections.User chosen = StrimziConnections.pickUser(users, picked, target.topic(),
                                target.user())
                        .orElseThrow(() -> new ProblemException(StrimziConnections.noUserProblem(cluster, users,
                                picked, target.topic())));
                auth = StrimziConnections.clientAuth(picked, chosen.name(), reader.userSecret(chosen.name()));
            }
        }
        return StrimziConnections.settings(cluster, picked, trust, auth);
    }

    private static boolean needsTunnel(TunnelMode mode, StrimziConnections.Listener picked,
                                       ConnectionSettings settings) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> {
                if (picked.external()) {
                    yield false;
                }
                // In-cluster service names need the tunnel; test them by name, not by lookup: a failed lookup is
                // cached by the JDK (negative TTL) before the tunnel's resolver could answer.
                boolean serviceNames = Arrays.stream(settings.bootstrapServers().split(","))
                        .map(h -> h.strip().replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT))
                        .allMatch(h -> h.endsWith(".svc") || h.contains(".svc."));
                if (serviceNames) {
                    yield true;
                }
                try {
                    BrokerProbe.requireReachable(settings, Duration.ofSeconds(2));
                    yield false;
                } catch (ProblemException unreachable) {
                    yield true;
                }
            }
        };
    }
}
