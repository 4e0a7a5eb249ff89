package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.sandbox.JaegerQueryServer;
import io.mirrorscope.sandbox.SandboxTracing;
import io.mirrorscope.sandbox.SpanStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code mirrorscope trace} against the sandbox's Jaeger query server: by id, by record headers, and search. */
class TraceCommandTest {

    static SandboxTracing tracing;
    static JaegerQueryServer jaeger;
    static String traceId;
    static String sendSpanId;
    static String receiveSpanId;
    static String mirrorSpanId;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws IOException {
        tracing = new SandboxTracing(new SpanStore(1000));
        Tracer producer = tracing.tracer("hello-producer");
        Tracer mirror = tracing.tracer("mirror-maker");
        Tracer consumer = tracing.tracer("hello-consumer");
        long t0 = System.currentTimeMillis() * 1000;
        Span send = producer.spanBuilder("To_orders").setSpanKind(SpanKind.PRODUCER).setParent(Context.root())
                .setStartTimestamp(t0, TimeUnit.MICROSECONDS).startSpan();
        Span copy = mirror.spanBuilder("From_orders").setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root().with(send)).setStartTimestamp(t0 + 2000, TimeUnit.MICROSECONDS).startSpan();
        Span receive = consumer.spanBuilder("From_src.orders").setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root().with(copy)).setStartTimestamp(t0 + 5000, TimeUnit.MICROSECONDS)
                .startSpan();
        receive.end(t0 + 6000, TimeUnit.MICROSECONDS);
        copy.end(t0 + 7000, TimeUnit.MICROSECONDS);
        send.end(t0 + 1000, TimeUnit.MICROSECONDS);
        traceId = send.getSpanContext().getTraceId();
        sendSpanId = send.getSpanContext().getSpanId();
        mirrorSpanId = copy.getSpanContext().getSpanId();
        receiveSpanId = receive.getSpanContext().getSpanId();
        jaeger = new JaegerQueryServer(tracing.store());
    }

    @AfterAll
    static void stop() {
        jaeger.close();
        tracing.close();
    }

    private int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("trace", "--jaeger", jaeger.url()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void byIdAsJson() throws IOException {
        assertThat(run(args(traceId, "-o", "json"))).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("traceId").asText()).isEqualTo(traceId);
        assertThat(json.get("spanCount").asInt()).isEqualTo(3);
        assertThat(json.get("services").toString())
                .isEqualTo("[\"hello-consumer\",\"hello-producer\",\"mirror-maker\"]");
        assertThat(json.get("durationMicros").asLong()).isEqualTo(7000);
        assertThat(json.get("roots").toString()).isEqualTo("[\"" + sendSpanId + "\"]");
        assertThat(json.get("orphans").asInt()).isZero();
        assertThat(json.get("maxDepth").asInt()).isEqualTo(3);
        // Jaeger's critical path drops the consumer child of the producer span: only the root remains
        assertThat(json.get("criticalPath").toString()).isEqualTo("[\"" + sendSpanId + "\"]");
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void byIdAsATextTimeline() {
        assertThat(run(args("--id", traceId, "--ascii"))).isZero();
        String text = out.toString();
        assertThat(text).startsWith("Trace " + traceId + "  3 spans  7ms  services: hello-consumer, hello-producer, "
                + "mirror-maker\n");
        List<String> rows = text.lines().filter(l -> l.contains(": ") && l.contains("#")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("* hello-producer: To_orders");
        assertThat(rows.get(1)).startsWith("    mirror-maker: From_orders");
        assertThat(rows.get(2)).startsWith("      hello-consumer: From_src.orders");
        // bars: the root covers the first seventh of the axis, the mirror span ends at the right edge
        String rootBar = rows.get(0).substring(rows.get(0).lastIndexOf(' ') + 1);
        String mirrorBar = rows.get(1).substring(rows.get(1).lastIndexOf(' ') + 1);
        assertThat(rootBar).startsWith("#").endsWith(".");
        assertThat(mirrorBar).startsWith(".").endsWith("#");
        assertThat(rootBar.indexOf('.')).isBetween(rootBar.length() / 7 - 1, rootBar.length() / 7 + 1);
    }

    @Test
    void byRecordHeaders() throws IOException {
        String traceparent = "traceparent=00-" + traceId + "-" + receiveSpanId + "-01";
        assertThat(run(args("--record-headers", traceparent, "-o", "json"))).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("traceId").asText()).isEqualTo(traceId);
        assertThat(json.get("recordSpanId").asText()).isEqualTo(receiveSpanId);
        assertThat(json.get("contextSource").asText()).isEqualTo("traceparent");
    }

    @Test
    void uberTraceIdHeaderUrlEncoded() throws IOException {
        String uber = "uber-trace-id=" + traceId + "%3A" + mirrorSpanId + "%3A0%3A1";
        assertThat(run(args("--record-headers", uber, "-o", "json"))).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("recordSpanId").asText()).isEqualTo(mirrorSpanId);
    }

    @Test
    void searchAsJson() throws IOException {
        assertThat(run(args("--service", "mirror-maker", "--lookback", "1h", "--min-duration", "1ms", "-o",
                "json"))).isZero();
        JsonNode traces = new ObjectMapper().readTree(out.toString()).get("traces");
        assertThat(traces).hasSize(1);
        JsonNode t = traces.get(0);
        assertThat(t.get("traceId").asText()).isEqualTo(traceId);
        assertThat(t.get("spanCount").asInt()).isEqualTo(3);
        assertThat(t.get("rootService").asText()).isEqualTo("hello-producer");
        assertThat(t.get("rootOperation").asText()).isEqualTo("To_orders");
        assertThat(t.get("durationMicros").asLong()).isEqualTo(7000);
    }

    @Test
    void searchFindsNothingAboveTheMaxDurationFilter() {
        assertThat(run(args("--service", "mirror-maker", "--min-duration", "10s"))).isZero();
        assertThat(out.toString()).contains("(no traces)");
    }

    @Test
    void unknownTraceExitsFour() {
        assertThat(run(args("0af7651916cd43dd8448eb211c80319c"))).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(err.toString()).contains("Trace 0af7651916cd43dd8448eb211c80319c not found");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unreachableBackEndExitsThree() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(run("trace", "--jaeger", "http://127.0.0.1:" + port, traceId)).isEqualTo(ExitCodes.CONNECTION);
        assertThat(err.toString().strip()).startsWith("mirrorscope: Cannot reach the Jaeger query service");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run("trace")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(args(traceId, "--service", "x"))).isEqualTo(ExitCodes.USAGE);
        assertThat(run(args("--service", "x", "--min-duration", "soon"))).isEqualTo(ExitCodes.USAGE);
        assertThat(run(args("--record-headers", "traceparent=nonsense"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("No trace context in the headers");
    }
}
