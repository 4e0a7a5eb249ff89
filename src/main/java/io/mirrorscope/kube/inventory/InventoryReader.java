package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryProblem;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.KubeErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A one-shot read of the inventory: discover the served versions, list every kind in the namespaces asked
 * for (or all namespaces), map, and assemble. Only GET requests are made.
 *
 * <p>A kind the user may not list (403) or the server does not serve is recorded in
 * {@link Inventory#kinds()} with the reason; the other kinds are read as usual. A server that does not answer
 * or refuses the credentials fails the whole read with a {@link io.mirrorscope.core.ProblemException}.
 */
public final class InventoryReader {

    private final KubernetesClient client;

    public InventoryReader(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Reads the inventory.
     *
     * @param context    the context name to report
     * @param namespaces the namespaces to read; empty for all namespaces
     */
    public Inventory read(String context, List<String> namespaces) {
        Map<ResourceKind, String> served = ApiDiscovery.discover(client);
        Inventory.Parts parts = Inventory.Parts.empty();
        TreeSet<String> seen = new TreeSet<>(namespaces);
        for (ResourceKind kind : ResourceKind.values()) {
            String version = served.get(kind);
            if (version == null) {
                parts.kinds().put(kind, new KindStatus(kind, KindStatus.State.NOT_SERVED, null,
                        kind.kind() + " (" + kind.group() + ") is not served by this cluster"));
                continue;
            }
            KindStatus status = KindStatus.ok(kind, version);
            for (String ns : namespaces.isEmpty() ? List.of("") : namespaces) {
                try {
                    for (GenericKubernetesResource r : list(kind, version, ns)) {
                        ResourceMapping.add(parts, kind, r);
                        if (r.getMetadata() != null && r.getMetadata().getNamespace() != null) {
                            seen.add(r.getMetadata().getNamespace());
                        }
                    }
                } catch (KubernetesClientException e) {
                    if (KubeErrors.isConnectionFailure(e)) {
                        throw KubeErrors.exception(e, null, null, String.valueOf(client.getMasterUrl()));
                    }
                    status = failed(kind, version, ns, e);
                    parts.kindProblems().add(new InventoryProblem(kind.kind(), "", ns, status.message()));
                }
            }
            parts.kinds().put(kind, status);
        }
        List<io.mirrorscope.core.inventory.TracingBackend> tracing =
                new QueryServices(client, java.time.Clock.systemUTC()).resolve(parts.tracing());
        parts.tracing().clear();
        parts.tracing().addAll(tracing);
        return Inventory.assemble(context, new ArrayList<>(seen), parts);
    }

    private List<GenericKubernetesResource> list(ResourceKind kind, String version, String ns) {
        var op = client.genericKubernetesResources(ResourceMapping.context(kind, version));
        return (ns.isEmpty() ? op.inAnyNamespace().list() : op.inNamespace(ns).list()).getItems();
    }

    static KindStatus failed(ResourceKind kind, String version, String ns, KubernetesClientException e) {
        String where = ns.isEmpty() ? "in any namespace" : "in namespace " + ns;
        return switch (e.getCode()) {
            // The same words for a refused credential as everywhere else (the one mapping, KubeErrors).
            case 401 -> new KindStatus(kind, KindStatus.State.ERROR, version,
                    KubeErrors.problem(e, null, null, "the API server").oneLine());
            case 403 -> new KindStatus(kind, KindStatus.State.FORBIDDEN, version,
                    "not allowed to list " + kind.plural() + " " + where + ": " + KubeErrors.reason(e));
            case 404 -> new KindStatus(kind, KindStatus.State.NOT_SERVED, version,
                    kind.plural() + " " + where + " not found: " + KubeErrors.reason(e));
            default -> new KindStatus(kind, KindStatus.State.ERROR, version,
                    "listing " + kind.plural() + " " + where + " failed (HTTP " + e.getCode() + "): "
                            + KubeErrors.reason(e));
        };
    }
}
