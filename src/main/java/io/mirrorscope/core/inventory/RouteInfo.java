package io.mirrorscope.core.inventory;

/**
 * An OpenShift {@code Route}: only what is needed to find the public URL of a Service.
 *
 * @param meta        identity and manifest
 * @param host        status.ingress[admitted].host, else spec.host; may be null
 * @param serviceName spec.to.name when spec.to.kind is Service
 * @param tls         true when spec.tls is set (the URL is https)
 * @param path        spec.path; may be null
 */
public record RouteInfo(ResourceMeta meta, String host, String serviceName, boolean tls, String path) {

    /** {@code https://host/path} (or http without TLS); null without a host. */
    public String url() {
        if (host == null || host.isBlank()) {
            return null;
        }
        String p = path == null || path.isBlank() || "/".equals(path) ? "" : (path.startsWith("/") ? path : "/" + path);
        return (tls ? "https://" : "http://") + host + p;
    }
}
