package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A Kafka listener: its spec ({@code name, port, type, tls, authentication}) joined with its status entry
 * ({@code bootstrapServers, addresses, certificates}). In v1beta1 before Strimzi 0.20 the spec was a map
 * ({@code plain}, {@code tls}, {@code external}), which the reader turns into the same record.
 *
 * @param name             listener name (plain, tls, external, …)
 * @param type             internal, route, loadbalancer, nodeport, ingress, cluster-ip; null when unknown
 * @param port             the listener port from the spec; null when the spec does not say (old map form)
 * @param tls              whether clients speak TLS
 * @param authentication   tls, scram-sha-512, oauth, custom, …; null for none
 * @param bootstrapServers {@code host:port[,host:port]} from the status; null before the operator reported it
 * @param addresses        {@code host:port} entries from the status
 * @param certificates     PEM CA certificates from the status (TLS listeners only)
 */
public record Listener(String name, String type, Integer port, boolean tls, String authentication,
                       String bootstrapServers, List<String> addresses, List<String> certificates) {

    public Listener {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }
}
