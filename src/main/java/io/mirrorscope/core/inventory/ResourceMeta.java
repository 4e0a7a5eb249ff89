package io.mirrorscope.core.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every inventory item shares: identity, the API version it was read in, its age, and its manifest.
 *
 * @param kind        the Kubernetes kind
 * @param apiVersion  {@code group/version} the server answered with (e.g. {@code kafka.strimzi.io/v1beta1})
 * @param namespace   the namespace
 * @param name        metadata.name
 * @param uid         metadata.uid; may be null (fixtures)
 * @param createdAt   metadata.creationTimestamp; may be null
 * @param labels      metadata.labels (never null)
 * @param yaml        renders the resource as YAML on demand (the details pane); the reader keeps it lazy so
 *                    listing 1,000 resources does not serialise them all
 */
public record ResourceMeta(String kind, String apiVersion, String namespace, String name, String uid,
                           Instant createdAt, Map<String, String> labels, Supplier<String> yaml) {

    public ResourceMeta {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
        apiVersion = apiVersion == null ? "" : apiVersion;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        yaml = yaml == null ? () -> "" : yaml;
    }

    /** A meta without uid, timestamp or YAML (tests, synthesised items). */
    public static ResourceMeta of(String kind, String apiVersion, String namespace, String name) {
        return new ResourceMeta(kind, apiVersion, namespace, name, null, null, Map.of(), null);
    }

    /** {@code namespace/name}, unique within a kind. */
    public String key() {
        return namespace + "/" + name;
    }

    /** The value of the {@code strimzi.io/cluster} label, or null. */
    public String strimziCluster() {
        return labels.get("strimzi.io/cluster");
    }

    /** Only the identity counts: the YAML supplier is a view, not state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceMeta m && kind.equals(m.kind) && apiVersion.equals(m.apiVersion)
                && namespace.equals(m.namespace) && name.equals(m.name) && Objects.equals(uid, m.uid)
                && Objects.equals(createdAt, m.createdAt) && labels.equals(m.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, apiVersion, namespace, name, uid);
    }

    @Override
    public String toString() {
        return kind + " " + key() + " (" + apiVersion + ")";
    }
}
