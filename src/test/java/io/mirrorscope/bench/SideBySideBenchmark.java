package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.SeekPlan;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.TopicReader;
import io.mirrorscope.kafka.compare.CompareRequest;
import io.mirrorscope.kafka.compare.CompareResult;
import io.mirrorscope.kafka.compare.MirrorCompare;
import io.mirrorscope.testkit.KafkaTestCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Side by side over loopback (issue 13: consume and match ≥ 0.7× consume alone, measured in the same run): two
 * in-process KRaft brokers, the same records of 100 B (distinct values, 12 partitions) on both, copies in the same
 * partition and order. {@code consumeBoth} reads both sides alone the way {@link MirrorCompare} does (two read-only
 * consumers, assign and seek, polled in turn on one thread, records handed over as RawRecords); {@code
 * consumeAndMatch} is a whole bounded {@link MirrorCompare} run (fingerprints, matcher, snapshots every 250 ms) with
 * a window as large as the run: under load the target read can fall more than the default 200,000 records behind
 * the source read, and records pushed out of the window are counted, not paired (nothing slows the source read).
 * One op is one pair (one record per side). The in-memory {@link MatcherBenchmark} runs in the same session.
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=SideBySideBenchmark -Dsurefire.excludedGroups=soak};
 * the table goes to {@code target/benchmarks/side-by-side.txt}.
 */
@Tag("bench")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(0)
public class SideBySideBenchmark {

    static final int RECORDS = Integer.getInteger("bench.records", 500_000);
    static final int PARTITIONS = 12;
    static final String TOPIC = "side";
    static final Duration IDLE_POLL = Duration.ofMillis(50);
    /** benchmark → pairs per CPU-second of the polling thread, per invocation. */
    static final Map<String, List<Double>> CPU_RATES = new ConcurrentHashMap<>();

    /** Keeps the records' use visible to the JIT. */
    public volatile long offsetSum;

    private KafkaTestCluster source;
    private KafkaTestCluster target;
    private ConnectionSettings sourceSettings;
    private ConnectionSettings targetSettings;

    @Setup(Level.Trial)
    public void setUp() {
        source = KafkaTestCluster.builder("side-src-" + System.nanoTime()).start();
        target = KafkaTestCluster.builder("side-tgt-" + System.nanoTime()).start();
        source.createTopic(TOPIC, PARTITIONS);
        target.createTopic(TOPIC, PARTITIONS);
        sourceSettings = ConnectionSettings.plaintext(source.bootstrap("PLAIN"));
        targetSettings = ConnectionSettings.plaintext(target.bootstrap("PLAIN"));
        // an hour old: a bounded compare reads the source up to now − grace
        long ts = System.currentTimeMillis() - 3_600_000L;
        Random rnd = new Random(1);
        try (var s = producer(source); var t = producer(target)) {
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = new byte[100];
                rnd.nextBytes(value);
                int p = i % PARTITIONS;
                s.send(new ProducerRecord<>(TOPIC, p, ts + i / 100, null, value));
                t.send(new ProducerRecord<>(TOPIC, p, ts + i / 100, null, value));
            }
            s.flush();
            t.flush();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaTestCluster cluster) {
        Map<String, Object> cfg = new HashMap<>(cluster.clientConfig("PLAIN"));
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(cfg);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        source.close();
        target.close();
    }

    @Benchmark
    public long consumeBoth() {
        long cpu = cpuNow();
        long read = 0;
        try (var src = ReadOnlyClients.consumer(sourceSettings, ConsumerOptions.DEFAULTS);
                var tgt = ReadOnlyClients.consumer(targetSettings, ConsumerOptions.DEFAULTS)) {
            seekToBeginning(src);
            seekToBeginning(tgt);
            long s = 0;
            long t = 0;
            long sink = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            // the poll loop of MirrorCompare: no wait while records come, a short wait when none did
            boolean busy = true;
            while ((s < RECORDS || t < RECORDS) && System.nanoTime() < deadline) {
                Duration wait = busy ? Duration.ZERO : IDLE_POLL;
                busy = false;
                if (s < RECORDS) {
                    for (ConsumerRecord<byte[], byte[]> r : src.poll(wait)) {
                        sink += TopicReader.toRaw(r).offset();
                        s++;
                        busy = true;
                    }
                }
                for (ConsumerRecord<byte[], byte[]> r : tgt.poll(wait)) {
                    sink += TopicReader.toRaw(r).offset();
                    t++;
                    busy = true;
                }
            }
            read = Math.min(s, t);
            offsetSum = sink;
        }
        if (read != RECORDS) {
            throw new IllegalStateException("read " + read + " pairs of " + RECORDS);
        }
        cpuRate("consumeBoth", cpu);
        return read;
    }

    @Benchmark
    public long consumeAndMatch() {
        long cpu = cpuNow();
        CompareRequest request = CompareRequest.of(new TopicMapping(TOPIC, TOPIC, "identity"))
                .withStart(StartPosition.beginning()).withPairing(Pairing.ORDER).withCompacted(false)
                .withGrace(Duration.ofSeconds(30)).withWindow(RECORDS);
        CompareResult result = new MirrorCompare(sourceSettings, targetSettings, ConsumerOptions.DEFAULTS, request,
                Clock.systemUTC()).run(snapshot -> { });
        if (result.snapshot().matched() != RECORDS || !result.snapshot().clean()) {
            throw new IllegalStateException("matched " + result.snapshot().matched() + " of " + RECORDS + ", "
                    + result.snapshot().missing() + " missing, " + result.snapshot().duplicates() + " duplicates, "
                    + result.snapshot().overflow() + " left the window");
        }
        cpuRate("consumeAndMatch", cpu);
        return result.snapshot().matched();
    }

    private static void seekToBeginning(Consumer<byte[], byte[]> consumer) {
        List<PartitionRange> ranges = TopicReader.ranges(consumer, TOPIC, List.of());
        SeekPlan plan = TopicReader.plan(consumer, TOPIC, ranges, StartPosition.beginning(), false);
        TopicReader.assignAndSeek(consumer, TOPIC, plan);
    }

    private static long cpuNow() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void cpuRate(String name, long startCpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CPU_RATES.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>())
                .add(RECORDS / ((threads.getCurrentThreadCpuTime() - startCpu) / 1e9));
    }

    @Test
    void run() throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SideBySideBenchmark.class.getName() + ".*")
                .include(MatcherBenchmark.class.getName() + ".*")
                .forks(0).shouldFailOnError(true).build()).run();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, Double> rate = new HashMap<>();
        Map<String, Double> error = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            // side-by-side ops are whole runs of RECORDS pairs; the matcher's op is one pair already
            double perOp = name.startsWith("match") ? 1 : RECORDS;
            rate.put(name, r.getPrimaryResult().getScore() * perOp);
            error.put(name, r.getPrimaryResult().getScoreError() * perOp);
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("side by side, loopback, %,d records of 100 B per side, %d partitions, JDK %s, "
                + "%d cores, load average %.2f before, %.2f after%n", RECORDS, PARTITIONS, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load, loadAfter));
        table.append(String.format("%-28s %16s %12s %26s%n", "benchmark", "pairs/s", "± (99.9%)",
                "pairs per thread-CPU-s (median)"));
        for (String name : List.of("consumeBoth", "consumeAndMatch", "matchOneMillion")) {
            List<Double> cpu = CPU_RATES.getOrDefault(name, List.of());
            double median = cpu.stream().mapToDouble(Double::doubleValue).sorted().skip(cpu.size() / 2)
                    .findFirst().orElse(Double.NaN);
            table.append(String.format("%-28s %,16.0f %,12.0f %26s%n", name, rate.get(name), error.get(name),
                    cpu.isEmpty() ? "-" : String.format("%,.0f", median)));
        }
        double ratio = rate.get("consumeAndMatch") / rate.get("consumeBoth");
        List<Double> a = CPU_RATES.get("consumeBoth");
        List<Double> b = CPU_RATES.get("consumeAndMatch");
        table.append(String.format("consume+match / consume alone: %.2f× wall-clock%n", ratio));
        System.out.println(table);
        Path file = Path.of("target", "benchmarks", "side-by-side.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        assertThat(results).hasSize(3);
        assertThat(a).isNotEmpty();
        assertThat(b).isNotEmpty();
    }
}
