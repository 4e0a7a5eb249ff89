package io.mirrorscope.tracing;

import io.mirrorscope.core.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * GETs from a Jaeger query service at a URL (one the user typed, or a Route's host with a bearer token), with
 * {@code java.net.http}.
 */
public final class HttpTransport implements JaegerTransport {

    private final String base;
    private final String bearerToken;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl     e.g. {@code http://localhost:16686} or {@code https://jaeger.apps.example.com}; a trailing
     *                    {@code /} or a path prefix (Jaeger's {@code --query.base-path}) is kept
     * @param bearerToken sent as {@code Authorization: Bearer …} (an OpenShift Route behind an OAuth proxy); null
     *                    for none
     * @param timeout     per request
     */
    public HttpTransport(String baseUrl, String bearerToken, Duration timeout) {
        URI uri = URI.create(baseUrl.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.base = baseUrl.strip().replaceAll("/+$", "");
        this.bearerToken = bearerToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken.strip());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    @Override
    public String describe() {
        return base;
    }

    @Override
    public Problem problem(Exception failure) {
        if (failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException)) {
            return new Problem(Problem.Kind.CONNECTION, "The Jaeger query service at " + base
                    + " did not answer within " + timeout.toSeconds() + " s", String.valueOf(failure.getMessage()),
                    "narrow the search (a shorter time range, a lower --limit) or try again later", failure);
        }
        if (failure instanceof SSLException) {
            return new Problem(Problem.Kind.CONNECTION, "TLS handshake with " + base + " failed",
                    String.valueOf(failure.getMessage()), "check the URL's certificate, or use --backend to go "
                    + "through the Kubernetes API instead", failure);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof HttpConnectTimeoutException
                || failure.getCause() instanceof ConnectException) {
            return new Problem(Problem.Kind.CONNECTION, "Cannot reach the Jaeger query service at " + base,
                    failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": "
                    + failure.getMessage()),
                    "check the URL and port (Jaeger's query API listens on 16686), or use --backend NAME to go "
                    + "through the Kubernetes API", failure);
        }
        return new Problem(Problem.Kind.CONNECTION, "Request to the Jaeger query service at " + base + " failed",
                String.valueOf(failure), "try again; run with --debug for details", failure);
    }

    @Override
    public Problem gatewayProblem(Response response) {
        return null;
    }
}
