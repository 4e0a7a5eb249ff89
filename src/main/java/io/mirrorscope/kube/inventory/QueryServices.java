package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mirrorscope.core.inventory.TracingBackend;
import io.mirrorscope.kube.KubeErrors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the Service a tracing back-end's query API is expected on (by operator naming) and takes the Jaeger
 * query HTTP port from it: a port named http-query (Jaeger operator), jaeger-ui (Tempo) or ui, else 16686.
 * One GET per back-end, remembered for a minute so a live view does not ask on every change.
 */
final class QueryServices {

    private static final Set<String> PORT_NAMES = Set.of("http-query", "jaeger-ui", "ui", "http");
    private static final Duration TTL = Duration.ofMinutes(1);

    private record Cached(Service service, String failure, long at) {
    }

    private final KubernetesClient client;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    QueryServices(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The back-ends with their query port from the Service, and a note where the Service is missing. */
    List<TracingBackend> resolve(List<TracingBackend> backends) {
        List<TracingBackend> out = new ArrayList<>(backends.size());
        for (TracingBackend t : backends) {
            out.add(resolve(t));
        }
        return out;
    }

    private TracingBackend resolve(TracingBackend t) {
        String key = t.meta().namespace() + "/" + t.queryService();
        Cached c = cache.get(key);
        if (c == null || clock.millis() - c.at() > TTL.toMillis()) {
            c = fetch(t);
            cache.put(key, c);
        }
        List<String> notes = new ArrayList<>(t.notes());
        int port = t.queryPort();
        if (c.failure() != null) {
            notes.add(c.failure());
        } else if (c.service() == null) {
            notes.add("query service " + t.queryService() + " not found in " + t.meta().namespace()
                    + " (is the back-end deployed?)");
        } else {
            port = queryPort(c.service(), t.queryPort());
        }
        return new TracingBackend(t.meta(), t.queryService(), port, t.queryUrl(), t.phase(), t.conditions(), notes);
    }

    private Cached fetch(TracingBackend t) {
        try {
            Service s = client.services().inNamespace(t.meta().namespace()).withName(t.queryService()).get();
            return new Cached(s, null, clock.millis());
        } catch (KubernetesClientException e) {
            if (KubeErrors.isConnectionFailure(e)) {
                throw e;
            }
            // 403 on services is common for narrow roles; the conventional name and port still work.
            return new Cached(null, "cannot read service " + t.queryService() + ": " + KubeErrors.reason(e),
                    clock.millis());
        }
    }

    static int queryPort(Service s, int fallback) {
        if (s.getSpec() == null || s.getSpec().getPorts() == null) {
            return fallback;
        }
        for (ServicePort p : s.getSpec().getPorts()) {
            if (p.getName() != null && PORT_NAMES.contains(p.getName()) && p.getPort() != null) {
                return p.getPort();
            }
        }
        return s.getSpec().getPorts().stream().filter(p -> p.getPort() != null && p.getPort() == fallback)
                .findFirst().map(ServicePort::getPort).orElse(fallback);
    }
}
