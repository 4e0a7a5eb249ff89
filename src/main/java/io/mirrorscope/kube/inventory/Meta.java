package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.ResourceMeta;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared pieces of every mapper: metadata, conditions, root maps. */
final class Meta {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private Meta() {
    }

    static ResourceMeta of(GenericKubernetesResource r) {
        ObjectMeta m = r.getMetadata() == null ? new ObjectMeta() : r.getMetadata();
        Instant created = null;
        if (m.getCreationTimestamp() != null) {
            try {
                created = Instant.parse(m.getCreationTimestamp());
            } catch (DateTimeParseException e) {
                created = null; // an odd timestamp only costs the age column
            }
        }
        String name = m.getName() == null ? "(unnamed)" : m.getName();
        // Serialised only when the details pane asks: listing 1,000 resources must not render 1,000 YAMLs.
        return new ResourceMeta(r.getKind() == null ? "" : r.getKind(), r.getApiVersion(), m.getNamespace(), name,
                m.getUid(), created, labels(m.getLabels()), () -> YAML.asYaml(r));
    }

    /**
     * The labels without null keys or values: {@code strimzi.io/cluster: null} (or {@code ~}) is valid YAML, and a
     * null must cost the label, not the whole resource (the mappers note a missing cluster label).
     */
    static Map<String, String> labels(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    static Map<String, Object> root(GenericKubernetesResource r) {
        return r.getAdditionalProperties() == null ? Map.of() : r.getAdditionalProperties();
    }

    static List<Condition> conditions(Fields f, Map<String, Object> status) {
        List<Condition> out = new ArrayList<>();
        for (Map<String, Object> c : f.maps(status, "conditions", "status.conditions")) {
            out.add(new Condition(f.str(c, "type", "status.conditions.type"),
                    f.str(c, "status", "status.conditions.status"), f.str(c, "reason", "status.conditions.reason"),
                    f.str(c, "message", "status.conditions.message"),
                    f.str(c, "lastTransitionTime", "status.conditions.lastTransitionTime")));
        }
        return out;
    }

    /** The version part of {@code group/version}. */
    static String version(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash >= 0 ? apiVersion.substring(slash + 1) : apiVersion;
    }
}
