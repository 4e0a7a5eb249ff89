package io.mirrorscope.tracing;

import io.mirrorscope.core.Problem;
import java.io.IOException;

/**
 * How GET requests reach a Jaeger query service: straight to a URL ({@link HttpTransport}) or through the
 * Kubernetes API's service proxy ({@link KubeProxyTransport}). GET only: MirrorScope never writes.
 */
public interface JaegerTransport {

    /** An answer: HTTP status, content type (may be empty) and body bytes. */
    record Response(int status, String contentType, byte[] body) {
        /** The body as text, shortened for messages. */
        public String snippet() {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    /**
     * GETs {@code pathAndQuery} (starting with {@code /api/}) from the query service.
     *
     * @throws IOException          when the request could not be sent or answered (including timeouts)
     * @throws InterruptedException when the calling thread was interrupted
     */
    Response get(String pathAndQuery) throws IOException, InterruptedException;

    /** Where requests go, for messages: a URL, or "service ns/name:port via the Kubernetes API (context c)". */
    String describe();

    /** The problem behind a failure of {@link #get} (a timeout, an unreachable host, a TLS failure). */
    Problem problem(Exception failure);

    /**
     * The problem behind an answer that is not the query service's own (e.g. the Kubernetes API server's
     * "no endpoints available"); null when the answer came from the query service.
     */
    Problem gatewayProblem(Response response);
}
