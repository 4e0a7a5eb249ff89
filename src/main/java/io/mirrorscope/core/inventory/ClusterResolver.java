package io.mirrorscope.core.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Kafka resource behind a bootstrap address a mirror is configured with.
 *
 * <p>First by the addresses the clusters report ({@code status.listeners[].bootstrapServers} and
 * {@code addresses}), which also covers routes, load balancers and node ports. Then by Strimzi's service
 * naming: {@code <cluster>-kafka-bootstrap[.<ns>[.svc[.cluster.local]]]:<port>} (and the per-listener
 * {@code <cluster>-kafka-<listener>-bootstrap}). A short name without a namespace resolves, like cluster DNS
 * does, in the mirror's own namespace. Anything else is an external cluster.
 */
public final class ClusterResolver {

    private static final Pattern SERVICE = Pattern.compile(
            "^(?<svc>[a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.(?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)"
                    + "(\\.svc(\\.cluster\\.local)?)?)?\\.?$");
    private static final String PLAIN_SUFFIX = "-kafka-bootstrap";
    private static final Pattern LISTENER_SERVICE = Pattern.compile("^(.+)-kafka-[a-z0-9]+-bootstrap$");

    private final Map<String, KafkaCluster> byAddress = new HashMap<>();
    private final Map<String, KafkaCluster> byKey = new HashMap<>();

    public ClusterResolver(List<KafkaCluster> clusters) {
        for (KafkaCluster c : clusters) {
            byKey.put(c.namespace() + "/" + c.name(), c);
            for (Listener l : c.listeners()) {
                if (l.bootstrapServers() != null) {
                    for (String a : l.bootstrapServers().split(",")) {
                        byAddress.putIfAbsent(normalise(a), c);
                    }
                }
                for (String a : l.addresses()) {
                    byAddress.putIfAbsent(normalise(a), c);
                }
            }
        }
    }

    /**
     * The cluster behind a bootstrap list ({@code host:port[,host:port]}), or empty for an external address.
     *
     * @param bootstrap       as configured in the mirror; null gives empty
     * @param mirrorNamespace the namespace short service names resolve in
     */
    public Optional<KafkaCluster> resolve(String bootstrap, String mirrorNamespace) {
        if (bootstrap == null || bootstrap.isBlank()) {
            return Optional.empty();
        }
        String[] addresses = bootstrap.split(",");
        for (String a : addresses) {
            KafkaCluster c = byAddress.get(normalise(a));
            if (c != null) {
                return Optional.of(c);
            }
        }
        for (String a : addresses) {
            Optional<KafkaCluster> c = byServiceName(normalise(a), mirrorNamespace);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Optional<KafkaCluster> byServiceName(String address, String mirrorNamespace) {
        String host = hostOf(address);
        Matcher m = SERVICE.matcher(host);
        if (!m.matches()) {
            return Optional.empty();
        }
        String ns = m.group("ns") != null ? m.group("ns") : mirrorNamespace;
        String svc = m.group("svc");
        if (svc.endsWith(PLAIN_SUFFIX)) {
            KafkaCluster c = byKey.get(ns + "/" + svc.substring(0, svc.length() - PLAIN_SUFFIX.length()));
            if (c != null) {
                return Optional.of(c);
            }
        }
        // Per-listener services: <cluster>-kafka-<listener>-bootstrap (external listeners).
        Matcher b = LISTENER_SERVICE.matcher(svc);
        return b.matches() ? Optional.ofNullable(byKey.get(ns + "/" + b.group(1))) : Optional.empty();
    }

    /** Lower case, trimmed, scheme stripped (a few configs carry {@code SSL://}). */
    static String normalise(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        int scheme = a.indexOf("://");
        return scheme >= 0 ? a.substring(scheme + 3) : a;
    }

    private static String hostOf(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.lastIndexOf(':');
        return colon >= 0 ? address.substring(0, colon) : address;
    }
}
