package io.mirrorscope.core.inventory;

/** Where a Kafka cluster keeps its metadata. */
public enum MetadataMode {
    ZOOKEEPER("ZooKeeper"),
    KRAFT("KRaft"),
    UNKNOWN("unknown");

    private final String label;

    MetadataMode(String label) {
        this.label = label;
    }

    /** The label used in the CLI JSON and the UI ("ZooKeeper", "KRaft", "unknown"). */
    public String label() {
        return label;
    }
}
