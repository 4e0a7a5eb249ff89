package io.mirrorscope.kafka.compare;

import io.mirrorscope.core.mirror.OffsetSyncs;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.TopicReader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.protocol.types.Field;
import org.apache.kafka.common.protocol.types.Schema;
import org.apache.kafka.common.protocol.types.Struct;
import org.apache.kafka.common.protocol.types.Type;

/**
 * Reads MirrorMaker 2's offset syncs ({@code mm2-offset-syncs.<target alias>.internal}, on the source cluster by
 * default, on the target with {@code offset-syncs.topic.location=target}) from the beginning to the end offsets taken
 * at the start, read-only, and keeps those of one source topic.
 *
 * <p>The records are decoded with the schemas of {@code org.apache.kafka.connect.mirror.OffsetSync} (key: topic
 * string, partition int32; value: upstream and downstream int64, Kafka's protocol types, no version prefix). That
 * class ships in {@code connect-mirror}, which brings the whole Connect runtime, not in {@code connect-mirror-client};
 * its two schemas are repeated here instead, and a test checks them against the real class.
 */
public final class OffsetSyncReader {

    static final Schema KEY_SCHEMA = new Schema(new Field("topic", Type.STRING), new Field("partition", Type.INT32));
    static final Schema VALUE_SCHEMA = new Schema(new Field("upstreamOffset", Type.INT64),
            new Field("offset", Type.INT64));

    /** A decoded sync. */
    public record Sync(String topic, int partition, long upstream, long downstream) {
    }

    /** What was read: the syncs of the topic, and how many records the syncs topic held in all. */
    public record Result(OffsetSyncs syncs, long recordsRead, String note) {
    }

    private OffsetSyncReader() {
    }

    /** The name MM2 gives the offset-syncs topic of a flow to {@code targetAlias}. */
    public static String topicFor(String targetAlias) {
        return io.mirrorscope.core.health.LinkSpec.offsetSyncsTopic(targetAlias);
    }

    /** Decodes one offset-sync record; null when it is not one. */
    public static Sync decode(byte[] key, byte[] value) {
        if (key == null || value == null) {
            return null;
        }
        try {
            Struct k = KEY_SCHEMA.read(ByteBuffer.wrap(key));
            Struct v = VALUE_SCHEMA.read(ByteBuffer.wrap(value));
            return new Sync(k.getString("topic"), k.getInt("partition"), v.getLong("upstreamOffset"),
                    v.getLong("offset"));
        } catch (RuntimeException notASync) {
            return null;
        }
    }

    /** Reads the syncs of {@code sourceTopic}; a missing or unreadable topic gives no syncs and says why. */
    public static Result read(ConnectionSettings settings, ConsumerOptions options, String syncsTopic,
            String sourceTopic, Duration timeout) {
        OffsetSyncs syncs = new OffsetSyncs();
        long read = 0;
        try (Consumer<byte[], byte[]> consumer = ReadOnlyClients.consumer(settings, options)) {
            List<PartitionRange> ranges;
            try {
                ranges = TopicReader.ranges(consumer, syncsTopic, List.of());
            } catch (RuntimeException e) {
                return new Result(syncs, 0, "offset syncs not read: " + e.getMessage());
            }
            Map<TopicPartition, Long> stops = new HashMap<>();
            for (PartitionRange r : ranges) {
                if (!r.isEmpty()) {
                    stops.put(new TopicPartition(syncsTopic, r.partition()), r.end());
                }
            }
            consumer.assign(stops.keySet());
            for (PartitionRange r : ranges) {
                if (!r.isEmpty()) {
                    consumer.seek(new TopicPartition(syncsTopic, r.partition()), r.begin());
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!stops.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(100))) {
                    read++;
                    Sync s = decode(rec.key(), rec.value());
                    if (s != null && s.topic().equals(sourceTopic)) {
                        syncs.add(s.partition(), s.upstream(), s.downstream());
                    }
                }
                stops.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            String note = stops.isEmpty() ? null : "offset syncs read only in part (timeout)";
            return new Result(syncs, read, note);
        }
    }
}
