package io.mirrorscope.core.health;

/** A topic partition, without Kafka's class (core imports no Kafka). */
public record PartitionKey(String topic, int partition) implements Comparable<PartitionKey> {

    @Override
    public int compareTo(PartitionKey o) {
        int c = topic.compareTo(o.topic);
        return c != 0 ? c : Integer.compare(partition, o.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
