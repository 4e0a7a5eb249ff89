package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.KubeErrors;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the API server which version of each kind it serves, and picks the newest.
 *
 * <p>Group discovery ({@code GET /apis/<group>}) first; when that gives nothing (some API stand-ins, including
 * fabric8's mock server, answer no groups) each known version is probed with {@code GET /apis/<group>/<v>}.
 * A kind is served in a version only when that version's resource list names its plural: Strimzi 0.20 serves
 * Kafka in v1beta1 but KafkaMirrorMaker2 only in v1alpha1.
 */
public final class ApiDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);

    /** Newest first. */
    static final List<String> PREFERENCE = List.of("v1", "v1beta2", "v1beta1", "v1alpha1");

    private ApiDiscovery() {
    }

    /**
     * The version to read for each served kind; kinds not served are absent.
     *
     * @throws io.mirrorscope.core.ProblemException when the server cannot be reached or refuses the credentials
     */
    public static Map<ResourceKind, String> discover(KubernetesClient client) {
        checkReachable(client);
        Map<ResourceKind, String> out = new EnumMap<>(ResourceKind.class);
        Set<String> groups = new LinkedHashSet<>();
        for (ResourceKind k : ResourceKind.values()) {
            groups.add(k.group());
        }
        for (String group : groups) {
            for (String version : versions(client, group)) {
                Set<String> plurals = plurals(client, group + "/" + version);
                for (ResourceKind k : ResourceKind.values()) {
                    if (k.group().equals(group) && !out.containsKey(k) && plurals.contains(k.plural())) {
                        out.put(k, version);
                    }
                }
            }
        }
        LOG.debug("Served versions: {}", out);
        return out;
    }

    /**
     * One plain {@code GET /version} first: fabric8's discovery calls answer "nothing" rather than fail when the
     * server is unreachable, which would read as "no Strimzi here". Any HTTP answer but 401 means reachable.
     */
    static void checkReachable(KubernetesClient client) {
        String master = String.valueOf(client.getMasterUrl());
        HttpClient http = client.getHttpClient();
        try {
            HttpRequest req = http.newHttpRequestBuilder().uri(URI.create(master).resolve("/version")).build();
            HttpResponse<String> resp = http.sendAsync(req, String.class).get(30, TimeUnit.SECONDS);
            if (resp.code() == 401) {
                throw KubeErrors.exception(new KubernetesClientException("Unauthorized", 401, null), null, null,
                        master);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KubeErrors.exception(new KubernetesClientException("interrupted", e), null, null, master);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw KubeErrors.exception(new KubernetesClientException(cause.toString(), cause), null, null, master);
        }
    }

    /** Served versions of a group, newest first by {@link #PREFERENCE}, unknown ones after. */
    private static List<String> versions(KubernetesClient client, String group) {
        List<String> served = new ArrayList<>();
        try {
            APIGroup g = client.getApiGroup(group);
            if (g != null && g.getVersions() != null) {
                for (GroupVersionForDiscovery v : g.getVersions()) {
                    served.add(v.getVersion());
                }
            }
        } catch (KubernetesClientException e) {
            if (KubeErrors.isConnectionFailure(e)) {
                throw KubeErrors.exception(e, null, null, String.valueOf(client.getMasterUrl()));
            }
            LOG.debug("Group discovery of {} failed ({}); probing versions", group, e.getCode());
        }
        if (served.isEmpty()) {
            return PREFERENCE;
        }
        List<String> ordered = new ArrayList<>();
        PREFERENCE.stream().filter(served::contains).forEach(ordered::add);
        served.stream().filter(v -> !ordered.contains(v)).forEach(ordered::add);
        return ordered;
    }

    private static Set<String> plurals(KubernetesClient client, String groupVersion) {
        Set<String> out = new LinkedHashSet<>();
        try {
            APIResourceList list = client.getApiResources(groupVersion);
            if (list != null && list.getResources() != null) {
                for (APIResource r : list.getResources()) {
                    out.add(r.getName());
                }
            }
        } catch (KubernetesClientException e) {
            if (KubeErrors.isConnectionFailure(e)) {
                throw KubeErrors.exception(e, null, null, String.valueOf(client.getMasterUrl()));
            }
            // 404: this version is not served.
        }
        return out;
    }
}
