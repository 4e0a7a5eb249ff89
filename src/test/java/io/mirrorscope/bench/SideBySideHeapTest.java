package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.testkit.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CLI compare's heap (issue 13: 10,000,000 records per side in 512 MB): two in-process brokers, N records of
 * 100 B per side (12 partitions, copies identical and in order), then {@code mirrorscope compare} in its own JVM with
 * {@code -Xmx512m} and a GC log ({@code target/benchmarks/compare-gc.log}). N is {@code -Dbench.compare.records}
 * (default 2,000,000; 10,000,000 needs about 2.6 GB of disk and several minutes of producing). {@code ./mvnw -o test
 * -Dtest=SideBySideHeapTest -Dsurefire.excludedGroups=soak -Dbench.compare.records=10000000}.
 */
@Tag("bench")
class SideBySideHeapTest {

    static final int RECORDS = Integer.getInteger("bench.compare.records", 2_000_000);
    static final int PARTITIONS = 12;

    @Test
    void cliCompareIn512MbOfHeap() throws Exception {
        try (var source = KafkaTestCluster.builder("heap-src").start();
                var target = KafkaTestCluster.builder("heap-tgt").start()) {
            source.createTopic("big", PARTITIONS);
            target.createTopic("big", PARTITIONS);
            long produceStart = System.nanoTime();
            // both sides at once, the same seeded records: the copy of record i is record i
            // an hour old: a bounded compare reads the source up to now − grace
            long ts = System.currentTimeMillis() - 3_600_000L;
            CompletableFuture<Void> s = CompletableFuture.runAsync(() -> produce(source, ts));
            CompletableFuture<Void> t = CompletableFuture.runAsync(() -> produce(target, ts));
            CompletableFuture.allOf(s, t).join();
            System.out.printf("produced %,d records per side in %.0f s%n", RECORDS,
                    (System.nanoTime() - produceStart) / 1e9);

            Path gcLog = Path.of("target", "benchmarks", "compare-gc.log").toAbsolutePath();
            Files.createDirectories(gcLog.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-Xlog:gc:file=" + gcLog, "-cp",
                    System.getProperty("java.class.path"), CompareHeapCheck.class.getName(), "compare",
                    "--source-bootstrap", source.bootstrap("PLAIN"), "--target-bootstrap", target.bootstrap("PLAIN"),
                    "--topic", "big", "--policy", "identity", "--grace", "5s", "-o", "json"))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            long gcMaxAfter = Files.readAllLines(gcLog).stream().map(l -> l.replaceAll(".*->(\\d+)M\\(.*", "$1"))
                    .filter(v -> v.matches("\\d+")).mapToLong(Long::parseLong).max().orElse(-1);
            System.out.printf("compare, %,d records per side in -Xmx512m: %s  largest heap after a GC (log): %d MB%n",
                    RECORDS, out.strip(), gcMaxAfter);
            Files.writeString(gcLog.resolveSibling("compare-heap.txt"), out + "gcMaxAfterMb=" + gcMaxAfter + "\n");
            assertThat(out).contains("exit=0", "matched=" + RECORDS + " ", "missing=0", "duplicates=0", "pending=0");
        }
    }

    private static void produce(KafkaTestCluster cluster, long ts) {
        Map<String, Object> cfg = new HashMap<>(cluster.clientConfig("PLAIN"));
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        cfg.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        cfg.put(ProducerConfig.ACKS_CONFIG, "1");
        SplittableRandom rnd = new SplittableRandom(3);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cfg)) {
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = new byte[100];
                rnd.nextBytes(value);
                producer.send(new ProducerRecord<>("big", i % PARTITIONS, ts + i / 1000, null, value));
            }
            producer.flush();
        }
    }
}
