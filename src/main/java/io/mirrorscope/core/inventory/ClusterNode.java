package io.mirrorscope.core.inventory;

/**
 * A node of the topology: a Kafka resource, or an address outside the namespaces read.
 *
 * @param id        stable id: {@code kafka:<ns>/<name>} or {@code ext:<address>}
 * @param name      the Kafka resource name, or the address for an external cluster
 * @param namespace the namespace; "" for an external cluster
 * @param cluster   the Kafka resource; null for an external cluster
 * @param health    the cluster's health; UNKNOWN for an external one
 */
public record ClusterNode(String id, String name, String namespace, KafkaCluster cluster, Health health) {

    public static ClusterNode of(KafkaCluster c) {
        return new ClusterNode("kafka:" + c.namespace() + "/" + c.name(), c.name(), c.namespace(), c, c.health());
    }

    public static ClusterNode external(String address) {
        String a = address == null || address.isBlank() ? "(no address)" : address.strip();
        return new ClusterNode("ext:" + a, a, "", null, Health.UNKNOWN);
    }

    public boolean external() {
        return cluster == null;
    }
}
