package io.mirrorscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.TracingBackend;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.sandbox.JaegerQueryServer;
import io.mirrorscope.sandbox.SandboxTracing;
import io.mirrorscope.sandbox.SpanStore;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes API service-proxy path against the fabric8 mock server: requests go to
 * {@code /api/v1/namespaces/{ns}/services/{svc}:{port}/proxy/...} with the kubeconfig user's bearer token, and the
 * mock forwards them to a real Jaeger query server (the sandbox's), as the API server would to the Service.
 */
class KubeProxyTransportTest {

    static final String PROXY = "/api/v1/namespaces/tracing/services/jaeger-query:16686/proxy";
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    static SandboxTracing tracing;
    static JaegerQueryServer jaeger;
    static MockWebServer web;
    static KubernetesMockServer api;
    static String traceId;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        tracing = new SandboxTracing(new SpanStore(100));
        Span span = tracing.tracer("hello-producer").spanBuilder("To_orders")
                .setParent(io.opentelemetry.context.Context.root()).startSpan();
        span.end();
        traceId = span.getSpanContext().getTraceId();
        jaeger = new JaegerQueryServer(tracing.store());
        web = new MockWebServer();
        HttpClient forward = HttpClient.newHttpClient();
        api = new KubernetesMockServer(new Context(), web, new HashMap<>(), new KubernetesCrudDispatcher(List.of()) {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                SEEN.add(request.getMethod() + " " + request.getPath() + " " + request.getHeader("Authorization"));
                String path = request.getPath();
                if (path.startsWith(PROXY + "/")) {
                    try {
                        HttpResponse<String> r = forward.send(HttpRequest.newBuilder(
                                URI.create(jaeger.url() + path.substring(PROXY.length()))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return new MockResponse().setResponseCode(r.statusCode())
                                .setHeader("Content-Type", r.headers().firstValue("Content-Type").orElse(""))
                                .setBody(r.body());
                    } catch (IOException | InterruptedException e) {
                        return new MockResponse().setResponseCode(502);
                    }
                }
                if (path.startsWith("/api/v1/namespaces/tracing/services/down-query:16686/proxy/")) {
                    return status(503, "ServiceUnavailable", "no endpoints available for service \"down-query\"");
                }
                if (path.startsWith("/api/v1/namespaces/tracing/services/nope-query:16686/proxy/")) {
                    // as a real API server answers for a Service that does not exist
                    return status(404, "NotFound", "services \"nope-query\" not found");
                }
                if (path.startsWith("/api/v1/namespaces/locked/services/")) {
                    return status(403, "Forbidden", "services \"jaeger-query\" is forbidden: User \"alice\" cannot "
                            + "get resource \"services/proxy\" in API group \"\" in the namespace \"locked\"");
                }
                return super.dispatch(request);
            }
        }, true);
        api.init();
    }

    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"" + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason
                        + "\",\"code\":" + code + "}");
    }

    @AfterAll
    static void stop() {
        api.destroy();
        jaeger.close();
        tracing.close();
    }

    private KubeSession session() throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: mock
                  cluster:
                    server: https://%s:%d
                    certificate-authority: %s
                contexts:
                - name: prod
                  context: {cluster: mock, user: alice, namespace: kafka}
                users:
                - name: alice
                  user:
                    token: alice-token
                """.formatted(api.getHostName(), api.getPort(), web.getSelfSignedCertificate().certificatePath());
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, yaml);
        return KubeSession.open(Kubeconfig.load(file, null, dir), null, null);
    }

    private static TracingBackend backend(String namespace, String service) {
        ResourceMeta meta = new ResourceMeta("Jaeger", "jaegertracing.io/v1", namespace, "jaeger", "uid",
                Instant.EPOCH, Map.of(), () -> "");
        return new TracingBackend(meta, service, 16686, null, "Running", List.of(), List.of());
    }

    @Test
    void traceAndServicesThroughTheServiceProxyWithTheUsersToken() throws IOException {
        SEEN.clear();
        try (KubeSession session = session()) {
            JaegerClient client = new JaegerClient(TracingEndpoints.serviceProxy(session,
                    backend("tracing", "jaeger-query")));
            assertThat(client.describe()).isEqualTo(
                    "service tracing/jaeger-query:16686 via the Kubernetes API (context prod)");
            assertThat(client.services()).containsExactly("hello-producer");
            Trace trace = client.trace(traceId).traces().getFirst();
            assertThat(trace.operation(0)).isEqualTo("To_orders");
            assertThat(session.guard()).isNotNull();
        }
        assertThat(SEEN).containsExactly(
                "GET " + PROXY + "/api/services Bearer alice-token",
                "GET " + PROXY + "/api/traces/" + traceId + " Bearer alice-token");
    }

    @Test
    void noPodBehindTheServiceSaysSo() throws IOException {
        try (KubeSession session = session()) {
            JaegerClient client = new JaegerClient(TracingEndpoints.serviceProxy(session,
                    backend("tracing", "down-query")));
            Problem p = problem(client);
            assertThat(p.kind()).isEqualTo(Problem.Kind.CONNECTION);
            assertThat(p.title()).isEqualTo("The Kubernetes API server could not reach service "
                    + "tracing/down-query:16686 (HTTP 503)");
            assertThat(p.detail()).contains("no endpoints available");
            assertThat(p.hint()).isEqualTo("check that the query pod is running: kubectl get pods -n tracing");
        }
    }

    @Test
    void notAllowedToProxySaysWhichRight() throws IOException {
        try (KubeSession session = session()) {
            Problem p = problem(new JaegerClient(TracingEndpoints.serviceProxy(session,
                    backend("locked", "jaeger-query"))));
            assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
            assertThat(p.hint()).contains("services/proxy in namespace locked");
        }
    }

    @Test
    void aMissingServiceIsNotFound() throws IOException {
        try (KubeSession session = session()) {
            Problem p = problem(new JaegerClient(TracingEndpoints.serviceProxy(session,
                    backend("tracing", "nope-query"))));
            assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
            assertThat(p.title()).isEqualTo("Service tracing/nope-query not found");
        }
    }

    @Test
    void fallsBackToTheRouteWhereTheProxyPathFails() throws IOException {
        SEEN.clear();
        try (KubeSession session = session()) {
            TracingBackend withRoute = backend("tracing", "down-query").withQueryUrl(jaeger.url());
            JaegerClient client = new JaegerClient(TracingEndpoints.forBackend(session, withRoute, null));
            assertThat(client.services()).containsExactly("hello-producer");
            assertThat(client.describe()).isEqualTo(jaeger.url());
            assertThat(client.trace(traceId).traces().getFirst().spanCount()).isEqualTo(1);
        }
        // tries through the proxy for the first request only (the client retries a 503 once), then the Route only
        assertThat(SEEN).isNotEmpty().allMatch(s -> s.equals(
                "GET /api/v1/namespaces/tracing/services/down-query:16686/proxy/api/services Bearer alice-token"));
    }

    @Test
    void aMissingTraceThroughTheProxyDoesNotSwitchToTheRoute() throws IOException {
        try (KubeSession session = session()) {
            TracingBackend withRoute = backend("tracing", "jaeger-query").withQueryUrl("http://127.0.0.1:9");
            JaegerClient client = new JaegerClient(TracingEndpoints.forBackend(session, withRoute, null));
            ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                    () -> client.trace("0af7651916cd43dd8448eb211c80319c"));
            assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NOT_FOUND);
            assertThat(client.describe()).startsWith("service tracing/jaeger-query:16686");
        }
    }

    private static Problem problem(JaegerClient client) {
        try {
            client.services();
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("expected a problem");
    }
}
