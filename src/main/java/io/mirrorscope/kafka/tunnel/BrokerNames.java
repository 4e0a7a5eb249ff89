package io.mirrorscope.kafka.tunnel;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names MirrorScope resolves itself: advertised broker host names (e.g.
 * {@code europe-cluster-kafka-0.europe-cluster-kafka-brokers.amq-streams.svc}) mapped to the loopback address of
 * their port-forward tunnel. {@link BrokerNameResolverProvider} consults it before the system resolver.
 *
 * <p>Process-wide on purpose: the JDK creates the resolver once per JVM through {@link java.util.ServiceLoader}, so
 * there is no constructor to inject a registry into. Tunnels add their names and remove them on close.
 */
public final class BrokerNames {

    private static final Map<String, InetAddress> NAMES = new ConcurrentHashMap<>();

    private BrokerNames() {
    }

    /** Resolve {@code host} to {@code address} from now on (case-insensitive, as DNS). */
    public static void register(String host, InetAddress address) {
        NAMES.put(key(host), address);
    }

    /** Stop resolving {@code host} (only if it still maps to {@code address}). */
    public static void unregister(String host, InetAddress address) {
        NAMES.remove(key(host), address);
    }

    /** The registered address of {@code host}, if any. */
    public static Optional<InetAddress> lookup(String host) {
        return host == null ? Optional.empty() : Optional.ofNullable(NAMES.get(key(host)));
    }

    /** A registered name for {@code address}, if any (for reverse lookups). */
    public static Optional<String> nameOf(InetAddress address) {
        return NAMES.entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey)
                .sorted().findFirst();
    }

    private static String key(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
