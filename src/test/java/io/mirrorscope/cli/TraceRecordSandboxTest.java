package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.sandbox.Sandbox;
import io.mirrorscope.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code mirrorscope trace --record} on the sandbox with one trace per record (the mirror parents its spans on the
 * record's headers): the record is read through the kubeconfig's Kafka resource, its trace found in Jaeger, and its
 * end-to-end path holds every Kafka hop the critical path drops.
 */
@Tag("sandbox")
class TraceRecordSandboxTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The first record of some partition of {@code topic}, read like a test client (not through MirrorScope). */
    static ConsumerRecord<byte[], byte[]> firstRecord(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    return r;
                }
            }
        }
        throw new AssertionError("no record in " + topic);
    }

    @Test
    void aRecordsTraceWithItsEndToEndPath() throws Exception {
        String kubeconfig = sandbox.kubeconfig().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.consumed() > 20);
        ConsumerRecord<byte[], byte[]> r = firstRecord(sandbox.europe().clientConfig(Sandbox.PLAIN), Sandbox.TOPIC);
        String ref = Sandbox.EUROPE + "/" + Sandbox.TOPIC + "/" + r.partition() + "/" + r.offset();
        JsonNode trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Run run = run("--kubeconfig", kubeconfig, "trace", "--record", ref, "-o", "json");
            return run.exit() == 0 ? run.json() : null;
        }, t -> t != null && t.get("endToEndPath").size() == 5);
        List<String> segments = new ArrayList<>();
        trace.get("endToEndPath").forEach(s -> segments.add(s.get("segment").asText()));
        assertThat(segments).containsExactly("producer send", "queue", "mirror", "replication",
                "consumer processing");
        // the path starts at the span that sent the record: the one its traceparent names
        assertThat(trace.get("endToEndPath").get(0).get("fromSpan").asText())
                .isEqualTo(trace.get("recordSpanId").asText());
        assertThat(trace.get("record").get("offset").asLong()).isEqualTo(r.offset());
        assertThat(trace.get("replicationDelayMicros").asLong()).isPositive();
        // the hops are not on Jaeger's critical path, which drops messaging spans
        String consumerSpan = trace.get("endToEndPath").get(4).get("fromSpan").asText();
        assertThat(trace.get("criticalPath").toString()).doesNotContain(consumerSpan);

        Run table = run("--kubeconfig", kubeconfig, "trace", "--record", ref, "--ascii");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("End-to-end path", "replication", "consumer processing",
                "Replication delay (trace spans)");

        Run missing = run("--kubeconfig", kubeconfig, "trace", "--record", Sandbox.EUROPE + "/" + Sandbox.TOPIC
                + "/" + r.partition() + "/999999999", "-o", "json");
        assertThat(missing.exit()).as(missing.err()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).contains("not found");
        Run bad = run("--kubeconfig", kubeconfig, "trace", "--record", "europe-cluster/my-topic/x/1");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    }
}
