package io.mirrorscope.kube;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every request to the Kubernetes API server passes before it leaves the process.
 *
 * <p>Allowed: {@code GET} (get, list, watch, the service proxy, discovery), the {@code pods/portforward}
 * upgrade ({@code GET} for WebSocket, {@code POST} for SPDY; it opens a tunnel and changes no object), and
 * {@code POST} of {@code SelfSubjectAccessReview} / {@code SelfSubjectRulesReview} (the server answers and
 * persists nothing). Everything else is refused with a {@link ReadOnlyViolation}: reaching the guard with a
 * write is a bug in MirrorScope, so it is logged at ERROR with its call site.
 *
 * <p>Installed as a fabric8 HTTP {@link Interceptor} by {@link KubeSession}; {@link #decide(String, URI)} is the
 * pure rule.
 */
public final class ReadOnlyGuard implements Interceptor {

    /** Thrown (inside the HTTP client, before sending) for a request the guard refuses. */
    public static final class ReadOnlyViolation extends IllegalStateException {
        ReadOnlyViolation(String message) {
            super(message);
        }
    }

    /** Interceptor name inside fabric8's HTTP client. */
    static final String NAME = "MIRRORSCOPE_READ_ONLY_GUARD";

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyGuard.class);
    private static final Pattern PORT_FORWARD = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/portforward");
    private static final Pattern REVIEWS = Pattern.compile(
            "/apis/authorization\\.k8s\\.io/v1(beta1)?/selfsubject(access|rules)reviews");

    private final AtomicLong refused = new AtomicLong();

    /** True when the request may leave the process. */
    public static boolean decide(String method, URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return switch (method == null ? "" : method.toUpperCase(java.util.Locale.ROOT)) {
            case "GET" -> true;
            case "POST" -> PORT_FORWARD.matcher(path).matches() || REVIEWS.matcher(path).matches();
            default -> false;
        };
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (!decide(request.method(), request.uri())) {
            refused.incrementAndGet();
            String what = request.method() + " " + request.uri().getRawPath();
            LOG.error("Read-only guard refused {} (a bug in MirrorScope) at {}", what, callSite());
            throw new ReadOnlyViolation("MirrorScope is read-only; refused " + what);
        }
    }

    /** How many requests this guard has refused (tests and the diagnostics view). */
    public long refusedCount() {
        return refused.get();
    }

    /** The first stack frame outside the HTTP machinery: where the write was attempted. */
    private static String callSite() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> {
                    String c = f.getClassName();
                    return !c.startsWith("io.fabric8.") && !c.startsWith("java.") && !c.startsWith("jdk.")
                            && !c.equals(ReadOnlyGuard.class.getName());
                })
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("(asynchronous call; no application frame on this thread)"));
    }
}
