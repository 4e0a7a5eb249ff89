package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A tracing back-end whose query API speaks Jaeger's: a {@code Jaeger} (jaegertracing.io/v1), a
 * {@code TempoStack} or a {@code TempoMonolithic} (tempo.grafana.com).
 *
 * @param meta         identity and manifest
 * @param queryService the Service serving the Jaeger query UI/API (by operator convention:
 *                     {@code <name>-query}, {@code tempo-<name>-query-frontend}, {@code tempo-<name>-jaegerui})
 * @param queryPort    the port of the Jaeger query HTTP API on that service (16686)
 * @param queryUrl     https URL of a Route/host that exposes it; null when none was found
 * @param phase        status.phase (Jaeger) or the Ready condition as text; may be null
 * @param conditions   status conditions (Tempo); empty for Jaeger
 * @param notes        reader notes
 */
public record TracingBackend(ResourceMeta meta, String queryService, int queryPort, String queryUrl, String phase,
                             List<Condition> conditions, List<String> notes) {

    public TracingBackend {
        conditions = List.copyOf(conditions);
        notes = List.copyOf(notes);
    }

    public String kind() {
        return meta.kind();
    }

    /** The same back-end with the URL a Route gives it. */
    public TracingBackend withQueryUrl(String url) {
        return new TracingBackend(meta, queryService, queryPort, url, phase, conditions, notes);
    }
}
