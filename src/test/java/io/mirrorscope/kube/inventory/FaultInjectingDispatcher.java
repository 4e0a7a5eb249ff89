package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CRUD dispatcher with failures a real API server produces: 410 Gone on a watch (resourceVersion too old),
 * and 403 Forbidden for chosen resources. Counts lists and watches per plural.
 */
public final class FaultInjectingDispatcher extends Dispatcher {

    final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    /** Plural (e.g. "kafkas") whose next watch answers 410 Gone, as often as the counter says. */
    final AtomicInteger goneWatches = new AtomicInteger();
    volatile String gonePlural = "";
    final AtomicInteger goneServed = new AtomicInteger();
    public final Set<String> forbidden = new CopyOnWriteArraySet<>();
    /** Plurals (or "*" for every resource list) that answer 500 Internal Server Error. */
    public final Set<String> failing = new CopyOnWriteArraySet<>();
    final AtomicInteger lists = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        String plural = plural(path);
        if (forbidden.contains(plural)) {
            return status(403, "Forbidden", plural + ".kafka.strimzi.io is forbidden: User \"dev\" cannot list "
                    + "resource \"" + plural + "\" in API group \"kafka.strimzi.io\" in the namespace");
        }
        if (failing.contains(plural) || (failing.contains("*") && path.startsWith("/apis/")
                && path.split("\\?")[0].split("/").length > 5)) {
            return status(500, "InternalError", "etcdserver: request timed out");
        }
        boolean watch = path.contains("watch=true");
        if (watch && plural.equals(gonePlural) && goneWatches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            goneServed.incrementAndGet();
            return status(410, "Expired", "too old resource version: 1 (2)");
        }
        if (!watch && "GET".equals(request.getMethod()) && plural.equals(gonePlural)) {
            lists.incrementAndGet();
        }
        return crud.dispatch(request);
    }

    private static String plural(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] parts = p.split("/");
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                        + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}");
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }
}
