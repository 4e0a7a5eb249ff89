package io.mirrorscope.core.inventory;

/** What runs a mirror; the names are the Kubernetes kinds, as in the CLI JSON. */
public enum MirrorKind {
    /** MirrorMaker 1: consumer → producer, keeps topic names. */
    KafkaMirrorMaker,
    /** MirrorMaker 2 managed by Strimzi: one CR, one or more source → target links. */
    KafkaMirrorMaker2,
    /** A {@code MirrorSourceConnector} run as a KafkaConnector on a KafkaConnect. */
    KafkaConnector
}
