package io.mirrorscope.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.mirrorscope.core.Problem;
import io.mirrorscope.kube.KubeSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs from a Jaeger query Service through the Kubernetes API server's service proxy
 * ({@code /api/v1/namespaces/{ns}/services/{name}:{port}/proxy/...}) with the session's own client: the user's
 * credentials, the session's TLS and proxy settings, and the read-only guard on every request. Works where the
 * query UI sits behind an OAuth proxy on its Route, and needs no port-forward.
 */
public final class KubeProxyTransport implements JaegerTransport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubeSession session;
    private final String namespace;
    private final String service;
    private final int port;
    private final long timeoutSeconds;

    public KubeProxyTransport(KubeSession session, String namespace, String service, int port, long timeoutSeconds) {
        this.session = session;
        this.namespace = namespace;
        this.service = service;
        this.port = port;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The proxy path prefix of the service, as the Kubernetes API expects it. */
    public String proxyPath() {
        return "/api/v1/namespaces/" + enc(namespace) + "/services/" + enc(service) + ":" + port + "/proxy";
    }

    @Override
    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpClient http = session.client().getHttpClient();
        String base = session.client().getMasterUrl().toString().replaceAll("/+$", "");
        HttpRequest request = http.newHttpRequestBuilder().uri(base + proxyPath() + pathAndQuery)
                .header("Accept", "application/json").build();
        try {
            HttpResponse<byte[]> response = http.sendAsync(request, byte[].class).get(timeoutSeconds,
                    TimeUnit.SECONDS);
            return new Response(response.code(), response.header("Content-Type") == null ? ""
                    : response.header("Content-Type"), response.body() == null ? new byte[0] : response.body());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new java.net.http.HttpTimeoutException("no answer within " + timeoutSeconds + " s");
        }
    }

    @Override
    public String describe() {
        return "service " + namespace + "/" + service + ":" + port + " via the Kubernetes API (context "
                + session.context() + ")";
    }

    @Override
    public Problem problem(Exception failure) {
        if (failure instanceof java.net.http.HttpTimeoutException) {
            return new Problem(Problem.Kind.CONNECTION, "The Jaeger query service " + describe()
                    + " did not answer within " + timeoutSeconds + " s", String.valueOf(failure.getMessage()),
                    "narrow the search (a shorter time range, a lower --limit) or try again later", failure);
        }
        return session.problem(failure);
    }

    /**
     * The API server's own answers carry a {@code Status} object: the user may not proxy (401/403), the Service
     * does not exist (404), or no pod answers behind it (503).
     */
    @Override
    public Problem gatewayProblem(Response response) {
        JsonNode status;
        try {
            status = JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
        if (status == null || !status.has("apiVersion") || !status.has("kind")) {
            return null;
        }
        if (!"Status".equals(status.path("kind").asText())) {
            // a Kubernetes object, not Jaeger JSON: the API server (or something in its place) answered itself
            return Problem.of(Problem.Kind.CONNECTION, "The Kubernetes API answered for service " + namespace + "/"
                    + service + ":" + port + " itself (a " + status.path("kind").asText() + "), not the query service",
                    "", "the cluster may not support the service proxy; give the query URL with --jaeger");
        }
        String message = status.path("message").asText("");
        String where = namespace + "/" + service + ":" + port;
        return switch (response.status()) {
            case 401 -> session.problem(new io.fabric8.kubernetes.client.KubernetesClientException(
                    "Unauthorized", 401, null));
            case 403 -> Problem.of(Problem.Kind.FORBIDDEN, "Not allowed to reach service " + where
                    + " through the Kubernetes API (context " + session.context() + ")", message,
                    "ask for 'get' on services/proxy in namespace " + namespace + ", or give the query URL with "
                    + "--jaeger");
            case 404 -> Problem.of(Problem.Kind.NOT_FOUND, "Service " + namespace + "/" + service
                    + " not found", message, "check the tracing back-end's name (mirrorscope inventory lists them)");
            default -> Problem.of(Problem.Kind.CONNECTION, "The Kubernetes API server could not reach service "
                    + where + " (HTTP " + response.status() + ")", message,
                    "check that the query pod is running: kubectl get pods -n " + namespace);
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
