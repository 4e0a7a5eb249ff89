package io.mirrorscope.testkit;

import java.util.Locale;
import java.util.Objects;

/**
 * A client listener of a {@link KafkaTestCluster}.
 *
 * @param name the Kafka listener name (upper case, e.g. {@code PLAIN}, {@code TLS})
 * @param security how clients authenticate
 * @param advertisedHost the host name advertised to clients ({@code null}: the bind address); {@code {id}} in it
 *     stands for the node id, so each node of a multi-node cluster advertises its own name
 */
public record KafkaListener(String name, Security security, String advertisedHost) {

    /** How a listener secures and authenticates connections. */
    public enum Security {
        /** No TLS, no authentication ({@code PLAINTEXT}), Strimzi's {@code plain} listener. */
        PLAINTEXT,
        /** TLS with a required client certificate ({@code SSL}), Strimzi's {@code tls} listener with tls auth. */
        MTLS,
        /** TLS with SCRAM-SHA-512 ({@code SASL_SSL}), Strimzi's scram-sha-512 authentication. */
        SCRAM_SSL;

        /** The Kafka security protocol of the listener. */
        public String protocol() {
            return switch (this) {
                case PLAINTEXT -> "PLAINTEXT";
                case MTLS -> "SSL";
                case SCRAM_SSL -> "SASL_SSL";
            };
        }
    }

    public KafkaListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(security, "security");
        if (!name.matches("[A-Z][A-Z0-9_]*") || name.equals("CONTROLLER") || name.equals("INTERNAL")) {
            throw new IllegalArgumentException("bad listener name (upper case, not CONTROLLER/INTERNAL): " + name);
        }
    }

    public static KafkaListener plain(String name) {
        return new KafkaListener(name, Security.PLAINTEXT, null);
    }

    public static KafkaListener mtls(String name) {
        return new KafkaListener(name, Security.MTLS, null);
    }

    public static KafkaListener scram(String name) {
        return new KafkaListener(name, Security.SCRAM_SSL, null);
    }

    /**
     * The same listener advertising another host name (clients must resolve it to the bind address), e.g.
     * {@code my-cluster-kafka-{id}.my-cluster-kafka-brokers.ns.svc} for per-node names.
     */
    public KafkaListener advertising(String host) {
        return new KafkaListener(name, security, host);
    }

    /** The host name node {@code nodeId} advertises ({@code {id}} replaced), or {@code null}. */
    String advertisedHost(int nodeId) {
        return advertisedHost == null ? null : advertisedHost.replace("{id}", String.valueOf(nodeId));
    }

    /** The prefix of listener-scoped broker settings, e.g. {@code listener.name.tls.}. */
    String configPrefix() {
        return "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
    }
}
