package io.mirrorscope.kafka.tunnel;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches brokers that only have internal listeners: each broker pod is port-forwarded through the Kubernetes API
 * to its own loopback address (127.0.0.2, .3, …) on its advertised port, and its advertised host name is registered
 * in {@link BrokerNames}, so Kafka clients connect to the names the brokers advertise and TLS host names still
 * match. The bootstrap name goes to the first broker's tunnel (any broker answers metadata).
 *
 * <p>Port-forwarding is the one non-GET request MirrorScope makes to the API server; it opens a stream and changes
 * no object. Linux routes all of 127.0.0.0/8 to loopback; macOS has only 127.0.0.1 unless aliases are added
 * ({@link #requireLoopbackAddresses}).
 */
public final class BrokerTunnels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerTunnels.class);

    /**
     * A broker to tunnel to.
     *
     * @param pod            the broker pod ({@code <cluster>-kafka-N} or {@code <cluster>-<pool>-N})
     * @param advertisedHost the host name the broker advertises on the chosen listener
     * @param port           the listener's port (also used locally)
     */
    public record Broker(String pod, String advertisedHost, int port) {
        public Broker {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(advertisedHost, "advertisedHost");
        }

        /**
         * A Strimzi broker pod on an internal listener, which advertises
         * {@code <pod>.<cluster>-kafka-brokers.<namespace>.svc}.
         */
        public static Broker strimziInternal(String pod, String cluster, String namespace, int port) {
            return new Broker(pod, pod + "." + cluster + "-kafka-brokers." + namespace + ".svc", port);
        }

        /**
         * The broker for a Strimzi advertised name: the pod is its first label
         * ({@code europe-cluster-kafka-0.europe-cluster-kafka-brokers.ns.svc} → {@code europe-cluster-kafka-0}).
         */
        public static Broker fromAdvertised(String advertisedHost, int port) {
            int dot = advertisedHost.indexOf('.');
            return new Broker(dot < 0 ? advertisedHost : advertisedHost.substring(0, dot), advertisedHost, port);
        }
    }

    private record Open(Broker broker, InetAddress address, LocalPortForward forward) {
    }

    private final List<Open> open;
    private final String bootstrapHost;
    private final InetAddress bootstrapAddress;
    private final int bootstrapPort;

    private BrokerTunnels(List<Open> open, String bootstrapHost, InetAddress bootstrapAddress, int bootstrapPort) {
        this.open = open;
        this.bootstrapHost = bootstrapHost;
        this.bootstrapAddress = bootstrapAddress;
        this.bootstrapPort = bootstrapPort;
    }

    /** The loopback address of the {@code index}-th tunnel: 127.0.0.(2 + index). */
    public static InetAddress loopback(int index) {
        if (index < 0 || index > 250) {
            throw new IllegalArgumentException("tunnel index out of range: " + index);
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + index)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks that this OS can bind 127.0.0.2 … 127.0.0.(1 + count); else a problem saying what to run. */
    public static void requireLoopbackAddresses(int count) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InetAddress a = loopback(i);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(a, 0));
            } catch (IOException e) {
                missing.add(a.getHostAddress());
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder cmd = new StringBuilder();
            for (String a : missing) {
                cmd.append(cmd.isEmpty() ? "" : "; ").append("sudo ifconfig lo0 alias ").append(a).append(" up");
            }
            throw new ProblemException(Problem.of(Problem.Kind.CONNECTION,
                    "This machine has no loopback addresses " + String.join(", ", missing),
                    "tunnels to brokers need one loopback address per broker (macOS has only 127.0.0.1 by default)",
                    "Run: " + cmd + " (until the next reboot), or use an external listener"));
        }
    }

    /**
     * Opens one port-forward per broker and registers the names. The bootstrap host name (e.g.
     * {@code <cluster>-kafka-bootstrap.<ns>.svc}) resolves to the first broker's tunnel.
     */
    public static BrokerTunnels open(KubernetesClient client, String namespace, List<Broker> brokers,
            String bootstrapHost, int bootstrapPort) {
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("no brokers to tunnel to");
        }
        requireLoopbackAddresses(brokers.size());
        List<Open> opened = new ArrayList<>();
        try {
            for (int i = 0; i < brokers.size(); i++) {
                Broker b = brokers.get(i);
                InetAddress address = loopback(i);
                LocalPortForward forward = client.pods().inNamespace(namespace).withName(b.pod())
                        .portForward(b.port(), address, b.port());
                opened.add(new Open(b, address, forward));
                BrokerNames.register(b.advertisedHost(), address);
                LOG.info("tunnel {}:{} -> pod {}/{} port {}", address.getHostAddress(), b.port(), namespace, b.pod(),
                        b.port());
            }
        } catch (RuntimeException e) {
            new BrokerTunnels(opened, null, null, 0).close();
            throw new ProblemException(new Problem(Problem.Kind.CONNECTION, "Cannot port-forward to the brokers in "
                    + namespace, String.valueOf(e.getMessage()),
                    "Port-forwarding needs the 'create' verb on pods/portforward in " + namespace, e));
        }
        InetAddress first = opened.getFirst().address();
        if (bootstrapHost != null) {
            BrokerNames.register(bootstrapHost, first);
        }
        return new BrokerTunnels(opened, bootstrapHost, first, bootstrapPort);
    }

    /** What the Kafka client should use as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapHost != null ? bootstrapHost + ":" + bootstrapPort
                : open.getFirst().broker().advertisedHost() + ":" + open.getFirst().broker().port();
    }

    /** Local addresses of the tunnels, in broker order. */
    public List<InetSocketAddress> localAddresses() {
        return open.stream().map(o -> new InetSocketAddress(o.address(), o.forward().getLocalPort())).toList();
    }

    /** True while every forward is alive. */
    public boolean isAlive() {
        return open.stream().allMatch(o -> o.forward().isAlive() && !o.forward().errorOccurred());
    }

    @Override
    public void close() {
        if (bootstrapHost != null) {
            BrokerNames.unregister(bootstrapHost, bootstrapAddress);
        }
        for (Open o : open) {
            BrokerNames.unregister(o.broker().advertisedHost(), o.address());
            try {
                o.forward().close();
            } catch (IOException e) {
                LOG.debug("closing tunnel to {} failed: {}", o.broker().pod(), e.toString());
            }
        }
    }
}
