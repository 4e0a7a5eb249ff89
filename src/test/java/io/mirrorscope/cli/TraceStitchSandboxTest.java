package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorscope.sandbox.Sandbox;
import io.mirrorscope.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code mirrorscope trace --record … --stitch …} on the sandbox with {@code --mirror-tracing current-context}: the
 * mirror starts a new trace for what it produces, so the source record's trace and its copy's trace are joined
 * only through the pair (the copy found in the target topic), and the stitched view holds both in order.
 */
@Tag("sandbox")
class TraceStitchSandboxTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults()
                .withMirrorTracing(SandboxOptions.MirrorTracing.CURRENT_CONTEXT));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aMatchedPairsTwoTracesAreOneTimeline() throws Exception {
        String kubeconfig = sandbox.kubeconfig().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.consumed() > 20);
        ConsumerRecord<byte[], byte[]> r = TraceRecordSandboxTest.firstRecord(
                sandbox.europe().clientConfig(Sandbox.PLAIN), Sandbox.TOPIC);
        String ref = Sandbox.EUROPE + "/" + Sandbox.TOPIC + "/" + r.partition() + "/" + r.offset();
        JsonNode trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            TraceRecordSandboxTest.Run run = TraceRecordSandboxTest.run("--kubeconfig", kubeconfig, "trace",
                    "--record", ref, "--stitch", Sandbox.US + "/" + Sandbox.TARGET_TOPIC, "-o", "json");
            return run.exit() == 0 ? run.json() : null;
        }, t -> t != null && t.get("stitched").get("rows").size() >= 3);
        JsonNode stitched = trace.get("stitched");
        assertThat(stitched.get("split").asBoolean()).isTrue();
        assertThat(stitched.get("traces")).hasSize(2);
        String sourceTrace = stitched.get("traces").get(0).asText();
        String copyTrace = stitched.get("traces").get(1).asText();
        assertThat(sourceTrace).isEqualTo(trace.get("traceId").asText()).isNotEqualTo(copyTrace);
        List<String> traceOfRow = new ArrayList<>();
        List<String> hops = new ArrayList<>();
        List<String> services = new ArrayList<>();
        stitched.get("rows").forEach(row -> {
            traceOfRow.add(row.get("traceId").asText());
            services.add(row.get("service").asText());
            if (!row.get("hop").isNull()) {
                hops.add(row.get("hop").asText());
            }
        });
        // both traces' spans are in the view, the source record's trace first, then the copy's
        assertThat(traceOfRow).containsExactly(sourceTrace, copyTrace, copyTrace);
        assertThat(services).containsExactly("hello-world-producer", "my-mirror-maker2", "hello-world-consumer");
        assertThat(hops).containsExactly("PRODUCE", "MIRROR_PRODUCE", "CONSUME");
        List<Long> starts = new ArrayList<>();
        stitched.get("rows").forEach(row -> starts.add(row.get("startMicros").asLong()));
        assertThat(starts).isSorted();
        List<String> segments = new ArrayList<>();
        trace.get("endToEndPath").forEach(s -> segments.add(s.get("segment").asText()));
        assertThat(segments).containsExactly("producer send", "queue + mirror", "replication",
                "consumer processing");
        assertThat(trace.get("endToEndPath").get(1).get("toTrace").asText()).isEqualTo(copyTrace);
        assertThat(stitched.get("replicationDelayMicros").asLong()).isPositive();
        assertThat(stitched.get("copy").get("partition").asInt()).isEqualTo(r.partition());
    }
}
