package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.PartitionTailer;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.ReadRequest;
import io.mirrorscope.kafka.RecordSink;
import io.mirrorscope.testkit.KafkaTestCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.tools.ConsumerPerformance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Consume alone on loopback: 100-byte records, 1 and 12 partitions, MirrorScope's read path (read-only consumer,
 * assign/seek, {@link PartitionTailer}, records handed over as {@link RawRecord}s) against Kafka's own
 * {@code kafka-consumer-perf-test} ({@link ConsumerPerformance}) on the same in-process broker. Run with
 * {@code ./mvnw test -Dtest=ConsumeBenchmark -Dsurefire.excludedGroups=soak}; the table is printed and written to
 * {@code target/benchmarks/consume.txt}.
 */
@Tag("bench")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(0)
public class ConsumeBenchmark {

    static final int RECORDS = Integer.getInteger("bench.records", 500_000);
    /** partitions → kafka-consumer-perf-test runs (nMsg.sec, fetch.nMsg.sec), measured on the benchmark's broker. */
    static final Map<String, List<double[]>> REFERENCE = new ConcurrentHashMap<>();
    /** partitions → MirrorScope's rate from the seek (plan done) to the last record, per invocation. */
    static final Map<String, List<Double>> LOOP_RATES = new ConcurrentHashMap<>();

    @Param({"1", "12"})
    public int partitions;

    private KafkaTestCluster kafka;
    private ConnectionSettings settings;
    private String topic;

    @Setup(Level.Trial)
    public void setUp() {
        kafka = KafkaTestCluster.builder("bench-" + partitions).start();
        topic = "bench-" + partitions;
        kafka.createTopic(topic, partitions);
        settings = ConnectionSettings.plaintext(kafka.bootstrap("PLAIN"));
        Map<String, Object> cfg = new HashMap<>(kafka.clientConfig("PLAIN"));
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        byte[] value = new byte[100];
        new Random(1).nextBytes(value);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cfg)) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, i % partitions, null, value));
            }
            producer.flush();
        }
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public long consumeAll() {
        long[] count = {0};
        long[] planned = {0};
        long[] last = {0};
        Problem[] problem = {null};
        new PartitionTailer(ReadOnlyClients.consumer(settings, ConsumerOptions.DEFAULTS), settings,
                new ReadRequest(topic, List.of(), new StartPosition.Beginning(), false), null, new RecordSink() {
                    @Override
                    public void planned(List<PartitionRange> ranges, SeekPlan plan) {
                        planned[0] = System.nanoTime();
                    }

                    @Override
                    public boolean accept(List<RawRecord> batch) {
                        count[0] += batch.size();
                        last[0] = System.nanoTime();
                        return true;
                    }

                    @Override
                    public void finished(Problem p) {
                        problem[0] = p;
                    }
                }).runHere();
        if (problem[0] != null || count[0] != RECORDS) {
            throw new IllegalStateException("read " + count[0] + " of " + RECORDS + ": " + problem[0]);
        }
        LOOP_RATES.computeIfAbsent(String.valueOf(partitions), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(count[0] * 1e9 / (last[0] - planned[0]));
        return count[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            List<double[]> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(perfTest());
            }
            REFERENCE.put(String.valueOf(partitions), runs);
        } finally {
            kafka.close();
        }
    }

    /** One kafka-consumer-perf-test run over all records; returns {nMsg.sec, fetch.nMsg.sec}. */
    private double[] perfTest() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsumerPerformance.main(new String[] {"--bootstrap-server", kafka.bootstrap("PLAIN"), "--topic", topic,
                "--messages", String.valueOf(RECORDS), "--timeout", "60000", "--hide-header"});
        } finally {
            System.setOut(out);
        }
        String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(","))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no perf-test output: " + captured));
        String[] f = line.split(",\\s*");
        return new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[9])};
    }

    @Test
    void run() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ConsumeBenchmark.class.getName() + ".consumeAll")
                .build()).run();
        StringBuilder table = new StringBuilder();
        table.append(String.format("consume alone, loopback, %,d records of 100 B, JDK %s, %d cores%n", RECORDS,
                Runtime.version(), Runtime.getRuntime().availableProcessors()));
        table.append("MirrorScope whole = JMH op: new consumer, metadata, begin/end offsets, seek, read all, close;\n"
                + "MirrorScope loop = from the seek to the last record (like perf-test's fetch.nMsg.sec, which leaves "
                + "out the group join that nMsg.sec includes)\n");
        table.append(String.format("%-11s %20s %20s %20s %24s%n", "partitions", "MirrorScope whole",
                "MirrorScope loop", "perf-test nMsg.sec", "perf-test fetch.nMsg.sec"));
        for (RunResult r : results) {
            String p = r.getParams().getParam("partitions");
            double opsPerSec = r.getPrimaryResult().getScore();
            double ours = opsPerSec * RECORDS;
            List<double[]> ref = REFERENCE.get(p);
            double nMsg = ref.stream().mapToDouble(d -> d[0]).average().orElse(0);
            double fetch = ref.stream().mapToDouble(d -> d[1]).average().orElse(0);
            double loop = LOOP_RATES.get(p).stream().mapToDouble(Double::doubleValue).sorted()
                    .skip(LOOP_RATES.get(p).size() / 2).findFirst().orElse(0);
            table.append(String.format("%-11s %,20.0f %,20.0f %,20.0f %,24.0f%n", p, ours, loop, nMsg, fetch));
        }
        System.out.println(table);
        Path file = Path.of("target", "benchmarks", "consume.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        assertThat(results).hasSize(2);
    }

}
