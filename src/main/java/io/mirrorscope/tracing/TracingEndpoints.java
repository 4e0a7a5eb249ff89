package io.mirrorscope.tracing;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.TracingBackend;
import io.mirrorscope.kube.KubeSession;
import java.time.Duration;
import java.util.List;

/**
 * Ways to reach the query API of a tracing back-end found in the inventory (a Jaeger CR's {@code <name>-query}
 * Service, a TempoStack's or TempoMonolithic's Jaeger frontend), or one the user names.
 */
public final class TracingEndpoints {

    /** Request timeout of every query (a wide search can take a while on a big store). */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TracingEndpoints() {
    }

    /**
     * Through the Kubernetes API's service proxy with the session's credentials (the default: works behind OAuth
     * proxies and without a Route).
     */
    public static JaegerTransport serviceProxy(KubeSession session, TracingBackend backend) {
        return new KubeProxyTransport(session, backend.meta().namespace(), backend.queryService(),
                backend.queryPort(), TIMEOUT.toSeconds());
    }

    /**
     * The service proxy, falling back to the back-end's Route or ingress host (when it has one) where the proxy
     * path does not work; {@code routeTokenOrNull} is sent to the Route only.
     */
    public static JaegerTransport forBackend(KubeSession session, TracingBackend backend, String routeTokenOrNull) {
        JaegerTransport proxy = serviceProxy(session, backend);
        if (backend.queryUrl() == null) {
            return proxy;
        }
        return new FallbackTransport(proxy, new HttpTransport(backend.queryUrl(), routeTokenOrNull, TIMEOUT));
    }

    /**
     * Through the back-end's Route or ingress host with a bearer token (an OpenShift OAuth proxy accepts the
     * user's token).
     *
     * @throws ProblemException when the back end has no Route or host
     */
    public static JaegerTransport route(TracingBackend backend, String bearerToken) {
        if (backend.queryUrl() == null) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, backend.kind() + " "
                    + backend.meta().name() + " has no Route or ingress host", "",
                    "go through the Kubernetes API instead (the default)"));
        }
        return new HttpTransport(backend.queryUrl(), bearerToken, TIMEOUT);
    }

    /**
     * A URL the user typed.
     *
     * @throws ProblemException USAGE when it is not an http(s) URL
     */
    public static JaegerTransport url(String url, String bearerTokenOrNull) {
        try {
            return new HttpTransport(url, bearerTokenOrNull, TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "'" + url + "' is not a Jaeger query URL",
                    e.getMessage(), "give it as http://host:16686 or https://host"));
        }
    }

    /**
     * The back end named {@code nameOrNull} (by resource name, or namespace/name), or the only one when null.
     *
     * @throws ProblemException NOT_FOUND when none matches, USAGE when several do and none was named
     */
    public static TracingBackend choose(List<TracingBackend> backends, String nameOrNull) {
        if (nameOrNull == null || nameOrNull.isBlank()) {
            if (backends.size() == 1) {
                return backends.getFirst();
            }
            if (backends.isEmpty()) {
                throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND,
                        "No tracing back-end (Jaeger, TempoStack, TempoMonolithic) found", "",
                        "give the query URL with --jaeger, or pick another namespace with -n"));
            }
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Several tracing back-ends found: "
                    + names(backends), "", "name one with --backend"));
        }
        for (TracingBackend b : backends) {
            String full = b.meta().namespace() + "/" + b.meta().name();
            if (b.meta().name().equals(nameOrNull) || full.equals(nameOrNull)) {
                return b;
            }
        }
        throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No tracing back-end named " + nameOrNull,
                backends.isEmpty() ? "none found" : "found: " + names(backends),
                "mirrorscope inventory lists the tracing back-ends"));
    }

    private static String names(List<TracingBackend> backends) {
        return String.join(", ", backends.stream().map(b -> b.kind() + " " + b.meta().namespace() + "/"
                + b.meta().name()).toList());
    }
}
