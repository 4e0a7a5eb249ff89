package io.mirrorscope.core.inventory;

/** Every kind of resource the inventory reads, with its API group and plural. */
public enum ResourceKind {
    KAFKA("kafka.strimzi.io", "Kafka", "kafkas"),
    KAFKA_NODE_POOL("kafka.strimzi.io", "KafkaNodePool", "kafkanodepools"),
    KAFKA_TOPIC("kafka.strimzi.io", "KafkaTopic", "kafkatopics"),
    KAFKA_USER("kafka.strimzi.io", "KafkaUser", "kafkausers"),
    KAFKA_MIRROR_MAKER("kafka.strimzi.io", "KafkaMirrorMaker", "kafkamirrormakers"),
    KAFKA_MIRROR_MAKER_2("kafka.strimzi.io", "KafkaMirrorMaker2", "kafkamirrormaker2s"),
    KAFKA_CONNECT("kafka.strimzi.io", "KafkaConnect", "kafkaconnects"),
    KAFKA_CONNECTOR("kafka.strimzi.io", "KafkaConnector", "kafkaconnectors"),
    JAEGER("jaegertracing.io", "Jaeger", "jaegers"),
    TEMPO_STACK("tempo.grafana.com", "TempoStack", "tempostacks"),
    TEMPO_MONOLITHIC("tempo.grafana.com", "TempoMonolithic", "tempomonolithics"),
    ROUTE("route.openshift.io", "Route", "routes");

    private final String group;
    private final String kind;
    private final String plural;

    ResourceKind(String group, String kind, String plural) {
        this.group = group;
        this.kind = kind;
        this.plural = plural;
    }

    public String group() {
        return group;
    }

    /** The Kubernetes {@code kind} as written in a manifest. */
    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    /** The enum value for a manifest {@code kind}, or null. */
    public static ResourceKind ofKind(String kind) {
        for (ResourceKind k : values()) {
            if (k.kind.equals(kind)) {
                return k;
            }
        }
        return null;
    }
}
