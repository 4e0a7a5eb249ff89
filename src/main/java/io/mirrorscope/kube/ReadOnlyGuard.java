package io.mirrorscope.kube;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every request to the Kubernetes API server passes before it leaves the process. An allow-list:
 * what it does not name is refused.
 *
 * <ul>
 *   <li>{@code GET} of discovery ({@code /api}, {@code /apis}, group versions, {@code /version}, {@code /openapi})
 *       and of resources: get, list and watch of any resource, cluster-wide or in a namespace, and the read-only
 *       subresources {@code status}, {@code scale} and {@code log} ({@code pods/log?follow=true} is a stream, but
 *       still a read).</li>
 *   <li>{@code GET} through the service proxy ({@code services/{svc}:{port}/proxy/...}): Jaeger's query API.
 *       Any other method through it is refused, as it could reach a write endpoint of the service.</li>
 *   <li>The {@code pods/portforward} upgrade ({@code GET} for WebSocket, {@code POST} for SPDY): it opens a
 *       tunnel and changes no object.</li>
 *   <li>{@code POST} of {@code SelfSubjectAccessReview}, {@code SelfSubjectRulesReview} and
 *       {@code SelfSubjectReview}: the server answers and persists nothing.</li>
 * </ul>
 *
 * <p>Refused, among everything else: {@code pods/exec} and {@code pods/attach} (kubectl and fabric8 open them as
 * {@code GET} upgrades), every other upgrade ({@code Upgrade} or {@code Connection: upgrade} headers), the pod and
 * node proxies ({@code nodes/proxy} reaches the kubelet, which runs exec), evictions, {@code HEAD}, and any path
 * with {@code .}, {@code ..} or an encoded {@code /} in a segment. Reaching the guard with such a request is a bug
 * in MirrorScope, so it is logged at ERROR with its call site.
 *
 * <p>Installed as a fabric8 HTTP {@link Interceptor} by {@link KubeSession}; {@link #decide(String, URI, Map)} is
 * the pure rule.
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
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._:~@%!$&'()*+,;=-]+");
    private static final Pattern VERSION = Pattern.compile("v\\d+((alpha|beta)\\d+)?");
    private static final Set<String> READ_SUBRESOURCES = Set.of("status", "scale", "log");
    private static final Set<String> REVIEWS = Set.of(
            "authorization.k8s.io/selfsubjectaccessreviews",
            "authorization.k8s.io/selfsubjectrulesreviews",
            "authentication.k8s.io/selfsubjectreviews");

    private final AtomicLong refused = new AtomicLong();

    /** True when the request (without upgrade headers) may leave the process. */
    public static boolean decide(String method, URI uri) {
        return decide(method, uri, Map.of());
    }

    /**
     * True when the request may leave the process.
     *
     * @param headers the request's headers (names in any case); an {@code Upgrade} header, {@code Connection:
     *                upgrade} or a WebSocket handshake header makes it an upgrade, allowed only for port-forward
     */
    public static boolean decide(String method, URI uri, Map<String, List<String>> headers) {
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        List<String> path = segments(uri.getRawPath());
        if (path == null) {
            return false;
        }
        Target target = Target.of(path);
        if (isUpgrade(headers)) {
            return target.isPortForward() && (m.equals("GET") || m.equals("POST"));
        }
        return switch (m) {
            case "GET" -> target.isDiscovery() || target.isRead() || target.isServiceProxy() || target.isPortForward();
            case "POST" -> target.isPortForward() || target.isSelfReview();
            default -> false;
        };
    }

    /** The path's segments, or null when one is empty, {@code .}, {@code ..}, or hides a {@code /}. */
    private static List<String> segments(String rawPath) {
        String p = rawPath == null ? "" : rawPath;
        if (!p.startsWith("/")) {
            return null;
        }
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String raw : p.substring(1).split("/", -1)) {
            String lower = raw.toLowerCase(Locale.ROOT);
            if (!SEGMENT.matcher(raw).matches() || raw.equals(".") || raw.equals("..") || lower.contains("%2f")
                    || lower.contains("%2e") || lower.contains("%5c") || lower.contains("%00")) {
                return null;
            }
            out.add(raw);
        }
        return out;
    }

    private static boolean isUpgrade(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            String name = h.getKey() == null ? "" : h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("upgrade") || name.startsWith("sec-websocket-")) {
                return true;
            }
            if (name.equals("connection") && h.getValue() != null && h.getValue().stream()
                    .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains("upgrade"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A path read the way the API server reads it: {@code /api/v1} or {@code /apis/GROUP/VERSION}, then
     * {@code [namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE[/REST...]]]}.
     */
    private record Target(List<String> path, String group, boolean groupVersion, String namespace,
                          String resource, String name, String subresource, List<String> rest) {

        static Target of(List<String> path) {
            int at;
            String group;
            if (path.size() >= 2 && path.get(0).equals("api") && VERSION.matcher(path.get(1)).matches()) {
                group = "";
                at = 2;
            } else if (path.size() >= 3 && path.get(0).equals("apis") && VERSION.matcher(path.get(2)).matches()) {
                group = path.get(1);
                at = 3;
            } else {
                return new Target(path, null, false, null, null, null, null, List.of());
            }
            List<String> r = path.subList(at, path.size());
            String namespace = null;
            if (r.size() >= 3 && r.get(0).equals("namespaces")) {
                namespace = r.get(1);
                r = r.subList(2, r.size());
            }
            return new Target(path, group, true, namespace, r.isEmpty() ? null : r.get(0),
                    r.size() > 1 ? r.get(1) : null, r.size() > 2 ? r.get(2) : null,
                    r.size() > 3 ? r.subList(3, r.size()) : List.of());
        }

        /** {@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/G}, {@code /apis/G/V}, version, openapi. */
        boolean isDiscovery() {
            if (path.isEmpty()) {
                return false;
            }
            String first = path.get(0);
            return switch (first) {
                case "api" -> path.size() == 1 || path.size() == 2 && VERSION.matcher(path.get(1)).matches();
                case "apis" -> path.size() <= 2 || path.size() == 3 && VERSION.matcher(path.get(2)).matches();
                case "version" -> path.size() == 1;
                case "openapi" -> true;
                default -> false;
            };
        }

        /** get, list or watch of a resource, or one of its read-only subresources. */
        boolean isRead() {
            return groupVersion && resource != null && (subresource == null
                    || READ_SUBRESOURCES.contains(subresource) && rest.isEmpty());
        }

        /** {@code /api/v1/namespaces/NS/services/NAME[:PORT]/proxy[/...]}. */
        boolean isServiceProxy() {
            return groupVersion && group.isEmpty() && namespace != null && "services".equals(resource)
                    && name != null && "proxy".equals(subresource);
        }

        boolean isPortForward() {
            return groupVersion && group.isEmpty() && namespace != null && "pods".equals(resource) && name != null
                    && "portforward".equals(subresource) && rest.isEmpty();
        }

        /** POST of a self review: cluster-scoped, no name. */
        boolean isSelfReview() {
            return groupVersion && namespace == null && name == null && resource != null
                    && REVIEWS.contains(group + "/" + resource);
        }
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (!decide(request.method(), request.uri(), request.headers())) {
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
