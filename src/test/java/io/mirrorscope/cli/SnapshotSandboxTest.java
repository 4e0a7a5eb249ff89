package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.TraceDocument;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.sandbox.Sandbox;
import io.mirrorscope.sandbox.SandboxOptions;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.tracing.JaegerJsonReader;
import io.mirrorscope.tracing.OtlpJsonReader;
import io.mirrorscope.tracing.ParsedTraces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mirrorscope snapshot --mirror … --topic …} on the sandbox (real brokers, a real MirrorMaker 2, traced
 * traffic, a Jaeger query API): the file holds the compared window, the raw records of both sides as the brokers
 * hold them, and the traces those records link to as Jaeger returned them; {@code open} prints it all offline.
 */
@Tag("sandbox")
class SnapshotSandboxTest {

    private static Sandbox sandbox;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aWindowOfTheMirrorWithRecordsAndTraces() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> sandbox.consumed() > 120);
        String kubeconfig = sandbox.kubeconfig().toString();
        Path file = dir.resolve("incident.msnap");
        Path html = dir.resolve("report.html");
        TraceRecordSandboxTest.Run run = TraceRecordSandboxTest.run("--kubeconfig", kubeconfig, "snapshot",
                "--mirror", "my-mirror-maker2", "--topic", Sandbox.TOPIC, "--records", "100", "--grace", "5s",
                "--traces", "3", "--health-rounds", "2", "-o", file.toString(), "--html", html.toString());
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        Snapshot s = SnapshotReader.read(file);
        assertThat(s.window().mirror()).isEqualTo("my-mirror-maker2");
        assertThat(s.window().targetTopic()).isEqualTo(Sandbox.TARGET_TOPIC);
        // at most 100 source records: the run reads the source up to now - grace, so a young sandbox has fewer
        var found = s.window().findings();
        long read = found.sourceRecords();
        assertThat(read).isBetween(1L, 100L);
        // copies of the newest records may still be in flight when the grace period ends: pending, never missing
        assertThat(found.matched() + found.pending()).as("%s", found).isEqualTo(read);
        assertThat(found.matched()).isPositive();
        assertThat(found.missing()).isZero();
        assertThat(found.recentPairs()).hasSize((int) read);
        assertThat(s.window().sourceRecords().records()).hasSize((int) read);
        assertThat(s.window().targetRecords().records()).isNotEmpty();

        // the mirror's health, in the shape of mirrorscope health -o json
        assertThat(s.health()).as(String.join("; ", s.header().notes())).isNotNull();
        assertThat(s.health().get("links")).asList().hasSize(1);
        assertThat(Files.readString(html)).contains("<h2>Mirror health</h2>");

        // the bytes are the broker's: the first record of its partition, as a plain consumer reads it
        ConsumerRecord<byte[], byte[]> first = TraceRecordSandboxTest.firstRecord(
                sandbox.europe().clientConfig(Sandbox.PLAIN), Sandbox.TOPIC);
        RawRecord kept = s.window().sourceRecords().records().stream()
                .filter(r -> r.partition() == first.partition() && r.offset() == first.offset()).findFirst()
                .orElseThrow();
        assertThat(kept.value()).isEqualTo(first.value());
        assertThat(new String(kept.value(), StandardCharsets.UTF_8)).startsWith("Hello world - ");

        // the traces are those the records name, as Jaeger sent them
        Set<String> named = s.window().sourceRecords().records().stream().map(TraceContext::fromRecord)
                .filter(TraceContext.Found::present).map(f -> f.context().traceId()).collect(Collectors.toSet());
        assertThat(s.traces()).hasSizeBetween(1, 3);
        for (TraceDocument d : s.traces()) {
            assertThat(named).contains(d.traceId());
            ParsedTraces p = d.format() == TraceDocument.Format.JAEGER ? JaegerJsonReader.read(d.body(), "file")
                    : OtlpJsonReader.read(d.body(), "file");
            assertThat(p.traces()).extracting(t -> t.traceId()).contains(d.traceId());
        }
        assertThat(Files.readString(html)).contains("data-trace-id=\"" + s.traces().getFirst().traceId() + "\"");

        TraceRecordSandboxTest.Run open = TraceRecordSandboxTest.run("open", file.toString());
        assertThat(open.exit()).as(open.err()).isZero();
        assertThat(open.out()).contains("MIRROR WINDOW my-mirror-maker2", "source records " + read,
                s.traces().getFirst().traceId());
    }
}
