package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
import io.mirrorscope.core.records.StartPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The consumer-side steps of a read, each a plain call on the consumer's own thread: find partitions, read their
 * begin/end offsets, plan ({@link SeekPlan}), assign and seek. Never subscribes, never commits.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Begin/end offsets of the requested partitions (all when none requested), sorted by partition. */
    public static List<PartitionRange> ranges(Consumer<byte[], byte[]> consumer, String topic,
            List<Integer> partitions) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Topic " + topic + " does not exist", "",
                    "List the topics to check the name"));
        }
        List<TopicPartition> tps = new ArrayList<>();
        for (PartitionInfo info : infos) {
            if (partitions.isEmpty() || partitions.contains(info.partition())) {
                tps.add(new TopicPartition(topic, info.partition()));
            }
        }
        if (tps.isEmpty()) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Topic " + topic + " has no partition "
                    + partitions, "It has " + infos.size() + " partitions", "Use a partition between 0 and "
                    + (infos.size() - 1)));
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(tps);
        Map<TopicPartition, Long> end = consumer.endOffsets(tps);
        List<PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition tp : tps) {
            long b = begin.getOrDefault(tp, 0L);
            long e = Math.max(b, end.getOrDefault(tp, b));
            ranges.add(new PartitionRange(tp.partition(), b, e));
        }
        ranges.sort(java.util.Comparator.comparingInt(PartitionRange::partition));
        return ranges;
    }

    /** Plans the read: asks offsetsForTimes only for a start by time. */
    public static SeekPlan plan(Consumer<byte[], byte[]> consumer, String topic, List<PartitionRange> ranges,
            StartPosition start, boolean follow) {
        Map<Integer, Long> forTime = new HashMap<>();
        if (start instanceof StartPosition.AtTime at) {
            Map<TopicPartition, Long> query = new LinkedHashMap<>();
            ranges.forEach(r -> query.put(new TopicPartition(topic, r.partition()), at.epochMillis()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            found.forEach((tp, ot) -> forTime.put(tp.partition(), ot == null ? null : ot.offset()));
        }
        return SeekPlan.plan(ranges, start, forTime, follow);
    }

    /** Assigns exactly the plan's partitions and seeks each to its start. */
    public static void assignAndSeek(Consumer<byte[], byte[]> consumer, String topic, SeekPlan plan) {
        List<TopicPartition> tps = plan.starts().stream().map(s -> new TopicPartition(topic, s.partition())).toList();
        consumer.assign(tps);
        for (SeekPlan.PartitionStart s : plan.starts()) {
            consumer.seek(new TopicPartition(topic, s.partition()), s.start());
        }
    }

    /** A consumer record as a {@link RawRecord} (bytes are not copied). */
    public static RawRecord toRaw(ConsumerRecord<byte[], byte[]> r) {
        Header[] array = r.headers().toArray();
        List<RawRecord.Header> headers;
        if (array.length == 0) {
            headers = List.of();
        } else {
            RawRecord.Header[] converted = new RawRecord.Header[array.length];
            for (int i = 0; i < array.length; i++) {
                converted[i] = new RawRecord.Header(array[i].key(), array[i].value());
            }
            headers = List.of(converted);
        }
        return new RawRecord(r.partition(), r.offset(), r.timestamp(), r.timestampType().name, r.key(), r.value(),
                headers);
    }
}
