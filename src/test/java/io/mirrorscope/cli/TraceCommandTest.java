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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mirrorscope trace} against the sandbox's Jaeger query server: by id, by record headers, and search. */
class TraceCommandTest {

    static SandboxTracing tracing;
    static JaegerQueryServer jaeger;
    static String traceId;
    static String sendSpanId;
    static String receiveSpanId;
    static String mirrorSpanId;

    private final CliRunner cli = new CliRunner();

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

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("trace", "--jaeger", jaeger.url()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void byIdAsJson() throws IOException {
        assertThat(cli.run(args(traceId, "-o", "json"))).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
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
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void byIdAsATextTimeline() {
        assertThat(cli.run(args("--id", traceId, "--ascii"))).isZero();
        String text = cli.out();
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
        assertThat(cli.run(args("--record-headers", traceparent, "-o", "json"))).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("traceId").asText()).isEqualTo(traceId);
        assertThat(json.get("recordSpanId").asText()).isEqualTo(receiveSpanId);
        assertThat(json.get("contextSource").asText()).isEqualTo("traceparent");
    }

    @Test
    void uberTraceIdHeaderUrlEncoded() throws IOException {
        String uber = "uber-trace-id=" + traceId + "%3A" + mirrorSpanId + "%3A0%3A1";
        assertThat(cli.run(args("--record-headers", uber, "-o", "json"))).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).get("recordSpanId").asText()).isEqualTo(mirrorSpanId);
    }

    @Test
    void searchAsJson() throws IOException {
        assertThat(cli.run(args("--service", "mirror-maker", "--lookback", "1h", "--min-duration", "1ms", "-o",
                "json"))).isZero();
        JsonNode traces = new ObjectMapper().readTree(cli.out()).get("traces");
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
        assertThat(cli.run(args("--service", "mirror-maker", "--min-duration", "10s"))).isZero();
        assertThat(cli.out()).contains("(no traces)");
    }

    @Test
    void unknownTraceExitsFour() {
        assertThat(cli.run(args("0af7651916cd43dd8448eb211c80319c"))).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err()).contains("Trace 0af7651916cd43dd8448eb211c80319c not found");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void unreachableBackEndExitsThree() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(cli.run("trace", "--jaeger", "http://127.0.0.1:" + port, traceId)).isEqualTo(ExitCodes.CONNECTION);
        assertThat(cli.err().strip()).startsWith("mirrorscope: Cannot reach the Jaeger query service");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(cli.run("trace")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(args(traceId, "--service", "x"))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(args("--service", "x", "--min-duration", "soon"))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(args("--record-headers", "traceparent=nonsense"))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("No trace context in the headers");
    }
}
