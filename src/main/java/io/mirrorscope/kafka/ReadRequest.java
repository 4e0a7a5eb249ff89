package io.mirrorscope.kafka;

import io.mirrorscope.core.records.StartPosition;
import java.util.List;
import java.util.Objects;

/**
 * What to read: a topic, optionally some partitions, where to start, and whether to keep following.
 *
 * @param topic      topic name
 * @param partitions partition numbers to read; empty for all
 * @param start      where to start
 * @param follow     true: keep reading new records until stopped; false: stop at the end offsets taken at start
 */
public record ReadRequest(String topic, List<Integer> partitions, StartPosition start, boolean follow) {

    public ReadRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(start, "start");
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }
}
