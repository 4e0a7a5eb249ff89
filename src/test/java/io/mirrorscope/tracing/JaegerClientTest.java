package io.mirrorscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceSummary;
import io.mirrorscope.sandbox.JaegerQueryServer;
import io.mirrorscope.sandbox.SandboxTracing;
import io.mirrorscope.sandbox.SpanStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the sandbox's Jaeger query server (real Jaeger shapes, v1 and api_v3) and against a local
 * server that answers with our fixtures and faults: 404, 500, a trace too large, a body cut short, HTML from a
 * gateway, no answer in time, nobody listening.
 */
class JaegerClientTest {

    static SandboxTracing tracing;
    static JaegerQueryServer jaeger;
    static String traceId;
    static HttpServer faults;
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        tracing = new SandboxTracing(new SpanStore(1000));
        Tracer producer = tracing.tracer("hello-producer");
        Tracer consumer = tracing.tracer("hello-consumer");
        Span send = producer.spanBuilder("To_orders").setSpanKind(SpanKind.PRODUCER).setParent(Context.root())
                .setAttribute("messaging.destination.name", "orders").startSpan();
        Span receive = consumer.spanBuilder("From_orders").setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root().with(send)).startSpan();
        receive.end();
        send.end();
        traceId = send.getSpanContext().getTraceId();
        jaeger = new JaegerQueryServer(tracing.store());

        faults = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        faults.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        faults.createContext("/", JaegerClientTest::fault);
        faults.start();
    }

    @AfterAll
    static void stop() {
        jaeger.close();
        tracing.close();
        faults.stop(0);
    }

    private static void fault(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            SEEN.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            switch (path) {
                case "/api/traces/7f3a9c2e1b4d5f60a1b2c3d4e5f60718" -> send(exchange, 200, "application/json",
                        Fixtures.own("v1-trace-shapes.json"));
                case "/api/traces/0000000000000404" -> send(exchange, 404, "text/plain",
                        Fixtures.own("v1-not-found.json"));
                case "/api/traces/0000000000000500" -> send(exchange, 500, "text/plain",
                        Fixtures.own("v1-server-error.json"));
                case "/api/traces/0000000000000b19" -> send(exchange, 500, "text/plain",
                        Fixtures.own("v1-too-large.json"));
                case "/api/traces/0000000000000c07" -> send(exchange, 200, "application/json",
                        Fixtures.own("v1-cut-short.json"));
                case "/api/traces/0000000000000502" -> send(exchange, 502, "text/html",
                        "<html><body>Bad Gateway</body></html>".getBytes());
                case "/api/traces/0000000000000401" -> send(exchange, 401, "text/plain",
                        "Unauthorized".getBytes());
                case "/api/traces/000000000000510e" -> {
                    sleep();
                    send(exchange, 200, "application/json", Fixtures.own("v1-trace-shapes.json"));
                }
                case "/api/traces" -> send(exchange, 200, "application/json", Fixtures.own("v1-search.json"));
                default -> send(exchange, 404, "text/plain", "404 page not found\n".getBytes());
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static JaegerClient faultClient(Duration timeout) {
        return new JaegerClient(new HttpTransport("http://127.0.0.1:" + faults.getAddress().getPort() + "/",
                "tok", timeout));
    }

    private static Problem problemOf(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("expected a problem");
    }

    private static TraceQuery query(String service) {
        long now = System.currentTimeMillis() * 1000;
        return new TraceQuery(service, null, Map.of(), now - 3_600_000_000L, now + 60_000_000L, 0, 0, 20);
    }

    @Test
    void v1ServicesOperationsSearchAndTrace() {
        JaegerClient client = new JaegerClient(new HttpTransport(jaeger.url(), null, Duration.ofSeconds(10)));
        assertThat(client.services()).containsExactly("hello-consumer", "hello-producer");
        assertThat(client.api()).isEqualTo(JaegerClient.Api.V1);
        assertThat(client.operations("hello-producer")).containsExactly("To_orders");
        ParsedTraces found = client.search(query("hello-producer"));
        assertThat(found.traces()).extracting(Trace::traceId).containsExactly(traceId);
        Trace trace = client.trace(traceId).traces().getFirst();
        assertThat(trace.spanCount()).isEqualTo(2);
        assertThat(trace.services()).containsExactly("hello-consumer", "hello-producer");
        assertThat(TraceSummary.of(trace).rootOperation()).isEqualTo("To_orders");
        assertThat(trace.kind(trace.roots().getFirst())).isEqualTo(io.mirrorscope.core.trace.SpanKind.PRODUCER);
    }

    @Test
    void fallsBackToApiV3WhereV1SearchIsGone() throws IOException {
        try (JaegerQueryServer v3only = new JaegerQueryServer(tracing.store(), false)) {
            JaegerClient client = new JaegerClient(new HttpTransport(v3only.url(), null, Duration.ofSeconds(10)));
            assertThat(client.services()).containsExactly("hello-consumer", "hello-producer");
            assertThat(client.api()).isEqualTo(JaegerClient.Api.V3);
            assertThat(client.operations("hello-consumer")).containsExactly("From_orders");
            ParsedTraces found = client.search(query("hello-consumer"));
            assertThat(found.traces()).extracting(Trace::traceId).containsExactly(traceId);
            Trace viaV3 = client.trace(traceId).traces().getFirst();
            Trace viaV1 = new JaegerClient(new HttpTransport(jaeger.url(), null, Duration.ofSeconds(10)))
                    .trace(traceId).traces().getFirst();
            assertThat(TraceSummary.of(viaV3)).isEqualTo(TraceSummary.of(viaV1));
        }
    }

    @Test
    void searchUrlsCarryEveryField() {
        TraceQuery q = new TraceQuery("hello producer", "To_orders", Map.of("error", "true"), 1_000_000,
                2_000_000, 1500, 2_500_000, 5);
        assertThat(JaegerClient.v1Search(q)).isEqualTo("/api/traces?service=hello+producer&operation=To_orders"
                + "&tags=%7B%22error%22%3A%22true%22%7D&start=1000000&end=2000000&minDuration=1500us"
                + "&maxDuration=2500000us&limit=5");
        assertThat(JaegerClient.v3Search(q)).isEqualTo("/api/v3/traces?query.service_name=hello+producer"
                + "&query.operation_name=To_orders&query.attributes=%7B%22error%22%3A%22true%22%7D"
                + "&query.start_time_min=1970-01-01T00%3A00%3A01Z&query.start_time_max=1970-01-01T00%3A00%3A02Z"
                + "&query.duration_min=0.001500s&query.duration_max=2.500000s&query.search_depth=5");
    }

    @Test
    void aTraceFromOurFixtureWithTheBearerToken() {
        SEEN.clear();
        Trace t = faultClient(Duration.ofSeconds(5)).trace("7F3A9C2E1B4D5F60A1B2C3D4E5F60718").traces().getFirst();
        assertThat(t.spanCount()).isEqualTo(7);
        assertThat(SEEN).containsExactly("GET /api/traces/7f3a9c2e1b4d5f60a1b2c3d4e5f60718 Bearer tok");
    }

    @Test
    void aTraceInATimeWindowAroundARecord() {
        SEEN.clear();
        Trace t = faultClient(Duration.ofSeconds(5)).trace("7F3A9C2E1B4D5F60A1B2C3D4E5F60718", 1_000_000,
                2_000_000).traces().getFirst();
        assertThat(t.spanCount()).isEqualTo(7);
        assertThat(SEEN).containsExactly("GET /api/traces/7f3a9c2e1b4d5f60a1b2c3d4e5f60718?start=1000000&end=2000000"
                + " Bearer tok");
    }

    @Test
    void aTraceInAWindowOnApiV3() throws IOException {
        try (JaegerQueryServer v3only = new JaegerQueryServer(tracing.store(), false)) {
            JaegerClient client = new JaegerClient(new HttpTransport(v3only.url(), null, Duration.ofSeconds(10)));
            client.services();
            long now = System.currentTimeMillis() * 1000;
            assertThat(client.trace(traceId, now - 3_600_000_000L, now + 60_000_000L).traces())
                    .extracting(Trace::traceId).containsExactly(traceId);
        }
    }

    @Test
    void notFoundIsExit4() {
        Problem p = problemOf(() -> faultClient(Duration.ofSeconds(5)).trace("404"));
        assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
        assertThat(p.kind().exitCode()).isEqualTo(4);
        assertThat(p.title()).startsWith("Trace 0000000000000404 not found at http://127.0.0.1:");
    }

    @Test
    void serverErrorSaysWhatTheBackEndSaid() {
        Problem p = problemOf(() -> faultClient(Duration.ofSeconds(5)).trace("500"));
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONNECTION);
        assertThat(p.title()).endsWith("failed to answer trace 0000000000000500 (HTTP 500)");
        assertThat(p.detail()).contains("all shards failed");
        assertThat(p.hint()).contains("storage back end");
    }

    @Test
    void tooLargeIsReportedAsSuch() {
        Problem p = problemOf(() -> faultClient(Duration.ofSeconds(5)).trace("b19"));
        assertThat(p.title()).startsWith("The trace is too large for the back end");
        assertThat(p.detail()).contains("max bytes");
    }

    @Test
    void aBodyCutShortGivesWhatParsedAndTheProblem() {
        ParsedTraces parsed = faultClient(Duration.ofSeconds(5)).trace("c07");
        assertThat(parsed.partial()).isTrue();
        assertThat(parsed.traces().getFirst().spanCount()).isEqualTo(4);
        assertThat(parsed.problem().title()).endsWith("was cut short");
    }

    @Test
    void gatewayHtmlAndRefusals() {
        Problem html = problemOf(() -> faultClient(Duration.ofSeconds(5)).trace("502"));
        assertThat(html.title()).endsWith("(HTTP 502)");
        assertThat(html.detail()).contains("Bad Gateway");
        Problem refused = problemOf(() -> faultClient(Duration.ofSeconds(5)).trace("401"));
        assertThat(refused.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
        assertThat(refused.hint()).contains("--backend");
    }

    @Test
    void noAnswerInTimeSaysSo() {
        Problem p = problemOf(() -> faultClient(Duration.ofSeconds(1)).trace("510e"));
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONNECTION);
        assertThat(p.title()).endsWith("did not answer within 1 s");
        assertThat(p.hint()).contains("narrow the search");
    }

    @Test
    void nobodyListeningSaysWhereAndWhatToDo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JaegerClient client = new JaegerClient(new HttpTransport("http://127.0.0.1:" + port, null,
                Duration.ofSeconds(5)));
        Problem p = problemOf(client::services);
        assertThat(p.title()).isEqualTo("Cannot reach the Jaeger query service at http://127.0.0.1:" + port);
        assertThat(p.hint()).contains("16686").contains("--backend");
        assertThat(p.kind().exitCode()).isEqualTo(3);
    }

    @Test
    void aWrongUrlOrIdIsUsage() {
        assertThatThrownBy(() -> TracingEndpoints.url("jaeger:16686", null)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).problem().kind()).isEqualTo(Problem.Kind.USAGE);
        Problem p = problemOf(() -> faultClient(Duration.ofSeconds(5)).trace("not-hex!"));
        assertThat(p.kind()).isEqualTo(Problem.Kind.USAGE);
    }

    @Test
    void searchOnOurFixtureGivesSummaries() {
        ParsedTraces found = faultClient(Duration.ofSeconds(5)).search(query("hello-producer"));
        assertThat(found.traces()).extracting(t -> TraceSummary.of(t).spanCount()).containsExactly(2, 1);
        assertThat(TraceSummary.of(found.traces().getFirst())).isEqualTo(new TraceSummary(
                "00000000000000000000000000000aa1", 2, List.of("hello-consumer", "hello-producer"),
                1764400000000000L, 1200, "hello-producer", "To_orders", 0));
    }
}
