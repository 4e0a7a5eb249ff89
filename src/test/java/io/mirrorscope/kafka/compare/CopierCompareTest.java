package io.mirrorscope.kafka.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorscope.testkit.KafkaTestCluster;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.mirror.OffsetSync;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code mirrorscope compare} against copiers written here (producers are for tests only), on one pair of
 * in-process brokers: an MM1-like copier that re-partitions by key (key pairing), and an MM2-like copier that keeps
 * partitions and writes offset syncs (the target's start for a start by time taken from the syncs, checked against
 * order pairing). Each copier drops chosen records and re-sends a range, so the findings are known exactly.
 */
@Tag("kafka")
class CopierCompareTest {

    /** Source records are an hour old: a bounded compare reads the source up to now − grace. */
    private static final long BASE = System.currentTimeMillis() - 3_600_000L;
    private static KafkaTestCluster source;
    private static KafkaTestCluster target;

    @BeforeAll
    static void start() {
        source = KafkaTestCluster.builder("copier-src").start();
        target = KafkaTestCluster.builder("copier-tgt").start();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aCopierThatRepartitionsByKeyIsPairedPerKey() {
        source.createTopic("orders", 3);
        target.createTopic("orders-copy", 5);
        // keyed records go to the partition of their key, as a keyed producer sends them
        produceSource("orders", 3, 600, 37, true);
        long lastOfTwo = copyAll("orders", (p, o) -> true).stream().filter(c -> c.partition == 2)
                .mapToLong(Copy::offset).max().orElseThrow();
        assertThat(lastOfTwo).as("partition 2 holds enough records for the drops").isGreaterThan(40);
        // the last record of partition 2 has no later record of its key: only the grace makes it missing
        Set<String> dropped = Set.of("0@5", "1@17", "2@40", "2@" + lastOfTwo);
        List<Copy> copies = copyAll("orders", (p, o) -> !dropped.contains(p + "@" + o));
        // re-send source partition 1, offsets 20..24, after everything (a copier restarted from an old position)
        List<Copy> resent = copies.stream().filter(c -> c.partition == 1 && c.offset >= 20 && c.offset < 25)
                .toList();
        try (var producer = producer(target)) {
            copies.forEach(c -> producer.send(byKey("orders-copy", 5, c)));
            resent.forEach(c -> producer.send(byKey("orders-copy", 5, c)));
            producer.flush();
        }

        CompareCli.Run run = CompareCli.run("--source-bootstrap", source.bootstrap("PLAIN"), "--target-bootstrap",
                target.bootstrap("PLAIN"), "--topic", "orders", "--target-topic", "orders-copy", "--policy",
                "identity", "--grace", "2s", "-o", "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("pairing").asText()).isEqualTo("key");
        assertThat(run.missing()).containsExactlyElementsOf(new TreeSet<>(dropped));
        assertThat(run.duplicates().keySet()).containsExactly("1@20", "1@21", "1@22", "1@23", "1@24");
        assertThat(run.duplicates().values()).allSatisfy(offsets -> assertThat(offsets).hasSize(2));
        assertThat(json.get("missing").asLong()).isEqualTo(4);
        assertThat(json.get("duplicates").asLong()).isEqualTo(5);
        assertThat(json.get("matched").asLong()).isEqualTo(600 - 4);
        assertThat(json.get("sourceRecords").asLong()).isEqualTo(600);
        assertThat(json.get("targetRecords").asLong()).isEqualTo(600 - 4 + 5);
    }

    /** Where the copier sent a record: the copy's own offset is only known once written. */
    private record Copy(int partition, long offset, long timestamp, byte[] key, byte[] value) {
    }

    private static ProducerRecord<byte[], byte[]> byKey(String topic, int partitions, Copy c) {
        int p = Utils.toPositive(Utils.murmur2(c.key)) % partitions;
        return new ProducerRecord<>(topic, p, c.timestamp, c.key, c.value);
    }

    @Test
    void offsetSyncsPickTheTargetStartAndAgreeWithOrderPairing() throws Exception {
        source.createTopic("events", 2);
        target.createTopic("events-copy", 2);
        source.createTopic("mm2-offset-syncs.target.internal", 1);
        produceSource("events", 2, 400, 11, false);
        // drops shift the target's offsets away from the source's; a re-sent range adds copies, as after an MM2
        // restart (which writes a sync at once, as it does after a gap)
        Set<String> dropped = Set.of("0@30", "0@31", "1@90", "0@120", "1@150", "1@160");
        List<Copy> copies = copyAll("events", (p, o) -> !dropped.contains(p + "@" + o));
        Map<Integer, List<long[]>> syncs = new HashMap<>();
        Map<Integer, Long> next = new HashMap<>();
        Map<Integer, Long> lastUpstream = new HashMap<>();
        Map<Integer, Long> lastSync = new HashMap<>();
        try (var producer = producer(target); var syncProducer = producer(source)) {
            for (Copy c : copies) {
                long d = next.merge(c.partition, 1L, Long::sum) - 1;
                producer.send(new ProducerRecord<>("events-copy", c.partition, c.timestamp, c.key, c.value));
                boolean gap = lastUpstream.containsKey(c.partition) && c.offset != lastUpstream.get(c.partition) + 1;
                if (!lastSync.containsKey(c.partition) || gap || d - lastSync.get(c.partition) >= 10) {
                    sync(syncProducer, syncs, c.partition, c.offset, d);
                    lastSync.put(c.partition, d);
                }
                lastUpstream.put(c.partition, c.offset);
                if (c.partition == 1 && c.offset == 179) {
                    // re-send 170..179 of partition 1
                    for (Copy again : copies.stream().filter(x -> x.partition == 1 && x.offset >= 170
                            && x.offset <= 179).toList()) {
                        long d2 = next.merge(1, 1L, Long::sum) - 1;
                        if (again.offset == 170) {
                            sync(syncProducer, syncs, 1, 170, d2);
                            lastSync.put(1, d2);
                        }
                        producer.send(new ProducerRecord<>("events-copy", 1, again.timestamp, again.key,
                                again.value));
                    }
                }
            }
            producer.flush();
            syncProducer.flush();
        }
        // from the time of source offset 100 in both partitions (record i goes to partition i % 2, offset i / 2)
        String from = String.valueOf(BASE + 200);

        CompareCli.Run bySyncs = CompareCli.run("--source-bootstrap", source.bootstrap("PLAIN"),
                "--target-bootstrap", target.bootstrap("PLAIN"), "--topic", "events", "--target-topic",
                "events-copy", "--offset-syncs-topic", "mm2-offset-syncs.target.internal", "--from", from,
                "--grace", "2s", "-o", "json");
        CompareCli.Run byOrder = CompareCli.run("--source-bootstrap", source.bootstrap("PLAIN"),
                "--target-bootstrap", target.bootstrap("PLAIN"), "--topic", "events", "--target-topic",
                "events-copy", "--pairing", "order", "--from", from, "--grace", "2s", "-o", "json");

        assertThat(bySyncs.exit()).as(bySyncs.err()).isEqualTo(1);
        assertThat(byOrder.exit()).as(byOrder.err()).isEqualTo(1);
        JsonNode s = bySyncs.json();
        JsonNode o = byOrder.json();
        assertThat(s.get("pairing").asText()).isEqualTo("offset-syncs");
        assertThat(o.get("pairing").asText()).isEqualTo("order");
        assertThat(bySyncs.missing()).containsExactly("0@120", "1@150", "1@160");
        assertThat(bySyncs.missing()).isEqualTo(byOrder.missing());
        List<String> resent = new ArrayList<>();
        for (long off = 170; off <= 179; off++) {
            resent.add("1@" + off);
        }
        assertThat(bySyncs.duplicates().keySet()).containsExactlyElementsOf(resent);
        assertThat(bySyncs.duplicates()).isEqualTo(byOrder.duplicates());
        for (String field : List.of("matched", "missing", "duplicates", "sourceRecords")) {
            assertThat(s.get(field).asLong()).as(field).isEqualTo(o.get(field).asLong());
        }
        assertThat(s.get("matched").asLong()).isEqualTo(400 - 200 - 3);
        // the target start: the downstream offset of the latest sync at or below source offset 100
        assertThat(s.get("notes").toString()).contains("target start taken from the offset syncs in 2 of 2");
        Map<Integer, Long> readFrom = readFrom(s);
        Map<Integer, Long> byTime = readFrom(o);
        for (int p = 0; p < 2; p++) {
            long expected = syncs.get(p).stream().filter(x -> x[0] <= 100).mapToLong(x -> x[1]).max().orElseThrow();
            assertThat(readFrom.get(p)).as("partition " + p).isEqualTo(expected);
            // the drops before the start moved the copies: the time's own offset is later (copies before it that
            // are older than the time are read and left out, as on the source side)
            assertThat(byTime.get(p)).as("partition " + p).isGreaterThan(expected);
        }
    }

    private static Map<Integer, Long> readFrom(JsonNode json) {
        Map<Integer, Long> out = new HashMap<>();
        json.get("targetOffsets").forEach(p -> out.put(p.get("partition").asInt(), p.get("readFrom").asLong()));
        return out;
    }

    private static void sync(KafkaProducer<byte[], byte[]> producer, Map<Integer, List<long[]>> syncs, int partition,
            long upstream, long downstream) throws Exception {
        OffsetSync sync = new OffsetSync(new TopicPartition("events", partition), upstream, downstream);
        producer.send(new ProducerRecord<>("mm2-offset-syncs.target.internal", 0, call(sync, "recordKey"),
                call(sync, "recordValue")));
        syncs.computeIfAbsent(partition, k -> new ArrayList<>()).add(new long[] {upstream, downstream});
    }

    private static byte[] call(OffsetSync sync, String method) throws Exception {
        // MM2 writes its sync records with these package-private methods
        Method m = OffsetSync.class.getDeclaredMethod(method);
        m.setAccessible(true);
        return (byte[]) m.invoke(sync);
    }

    /**
     * {@code count} records, keys cycling over {@code keys} names, an hour old; by key hash or round-robin over
     * the partitions.
     */
    private static void produceSource(String topic, int partitions, int count, int keys, boolean byKey) {
        try (var producer = producer(source)) {
            for (int i = 0; i < count; i++) {
                byte[] key = ("k-" + i % keys).getBytes(StandardCharsets.UTF_8);
                int p = byKey ? Utils.toPositive(Utils.murmur2(key)) % partitions : i % partitions;
                producer.send(new ProducerRecord<>(topic, p, BASE + i, key,
                        ("value " + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** The copier's read side: every source record in partition and offset order, minus the dropped ones. */
    private static List<Copy> copyAll(String topic, BiPredicate<Integer, Long> keep) {
        Map<String, Object> cfg = new HashMap<>(source.clientConfig("PLAIN"));
        cfg.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        cfg.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<Copy> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(cfg)) {
            List<TopicPartition> tps = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            while (read < total) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    if (keep.test(r.partition(), r.offset())) {
                        out.add(new Copy(r.partition(), r.offset(), r.timestamp(), r.key(), r.value()));
                    }
                }
            }
        }
        out.sort((a, b) -> a.partition != b.partition ? Integer.compare(a.partition, b.partition)
                : Long.compare(a.offset, b.offset));
        return out;
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaTestCluster cluster) {
        Map<String, Object> cfg = new HashMap<>(cluster.clientConfig("PLAIN"));
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(cfg);
    }
}
