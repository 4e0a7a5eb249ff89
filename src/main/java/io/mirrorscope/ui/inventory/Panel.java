package io.mirrorscope.ui.inventory;

import io.mirrorscope.core.inventory.ResourceKind;
import java.util.List;

/** The tables of the inventory view, the kinds each shows, and its key columns. */
public enum Panel {
    // Node pools have their own panel: counted with the clusters they made "Kafka clusters (4)" of two clusters.
    CLUSTERS("Kafka clusters", List.of(ResourceKind.KAFKA),
            List.of("Kafka", "Metadata", "Brokers", "Listeners", "API")),
    MIRRORS("Mirrors", List.of(ResourceKind.KAFKA_MIRROR_MAKER_2, ResourceKind.KAFKA_MIRROR_MAKER,
            ResourceKind.KAFKA_CONNECTOR), List.of("Kind", "Links", "Topics", "Naming")),
    TOPICS("Topics", List.of(ResourceKind.KAFKA_TOPIC), List.of("Cluster", "Topic", "Partitions", "Replicas")),
    USERS("Users", List.of(ResourceKind.KAFKA_USER), List.of("Cluster", "Authentication", "Authorization")),
    TRACING("Tracing", List.of(ResourceKind.JAEGER, ResourceKind.TEMPO_STACK, ResourceKind.TEMPO_MONOLITHIC),
            List.of("Kind", "Query service", "URL")),
    NODE_POOLS("Node pools", List.of(ResourceKind.KAFKA_NODE_POOL), List.of("Cluster", "Roles", "Replicas", "API"));

    private final String title;
    private final List<ResourceKind> kinds;
    private final List<String> columns;

    Panel(String title, List<ResourceKind> kinds, List<String> columns) {
        this.title = title;
        this.kinds = kinds;
        this.columns = columns;
    }

    public String title() {
        return title;
    }

    /** The kinds shown; the first is the one whose absence means "nothing of this here". */
    public List<ResourceKind> kinds() {
        return kinds;
    }

    /** Headers of the key columns (after status, name, namespace, age). */
    public List<String> columns() {
        return columns;
    }
}
