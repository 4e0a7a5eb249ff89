package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.RouteInfo;
import io.mirrorscope.core.inventory.TracingBackend;
import java.util.List;
import java.util.Map;

/**
 * Maps Jaeger (jaegertracing.io/v1), TempoStack and TempoMonolithic (tempo.grafana.com) and OpenShift Routes.
 * Query services follow the operators' naming: Jaeger {@code <name>-query}, TempoStack
 * {@code tempo-<name>-query-frontend}, TempoMonolithic {@code tempo-<name>-jaegerui}, all serving the Jaeger
 * query HTTP API on 16686.
 */
public final class TracingMapper {

    static final int JAEGER_QUERY_PORT = 16686;

    private TracingMapper() {
    }

    public static TracingBackend jaeger(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> status = f.map(root, "status", "status");
        return new TracingBackend(meta, meta.name() + "-query", JAEGER_QUERY_PORT, null,
                f.str(status, "phase", "status.phase"), List.of(), f.notes());
    }

    public static TracingBackend tempoStack(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        Map<String, Object> jq = f.map(f.map(f.map(spec, "template", "spec.template"), "queryFrontend",
                "spec.template.queryFrontend"), "jaegerQuery", "spec.template.queryFrontend.jaegerQuery");
        Map<String, Object> ingress = f.map(jq, "ingress", "spec.template.queryFrontend.jaegerQuery.ingress");
        String url = hostUrl(f.str(ingress, "host", "spec.template.queryFrontend.jaegerQuery.ingress.host"),
                "route".equals(f.str(ingress, "type", "spec.template.queryFrontend.jaegerQuery.ingress.type")));
        List<Condition> conditions = Meta.conditions(f, status);
        return new TracingBackend(meta, "tempo-" + meta.name() + "-query-frontend", JAEGER_QUERY_PORT, url,
                Condition.ready(conditions) ? "Ready" : null, conditions, f.notes());
    }

    public static TracingBackend tempoMonolithic(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        Map<String, Object> ui = f.map(spec, "jaegerui", "spec.jaegerui");
        String url = hostUrl(f.str(f.map(ui, "route", "spec.jaegerui.route"), "host", "spec.jaegerui.route.host"),
                true);
        if (url == null) {
            url = hostUrl(f.str(f.map(ui, "ingress", "spec.jaegerui.ingress"), "host", "spec.jaegerui.ingress.host"),
                    false);
        }
        List<Condition> conditions = Meta.conditions(f, status);
        return new TracingBackend(meta, "tempo-" + meta.name() + "-jaegerui", JAEGER_QUERY_PORT, url,
                Condition.ready(conditions) ? "Ready" : null, conditions, f.notes());
    }

    public static RouteInfo route(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        String host = null;
        for (Map<String, Object> ing : f.maps(status, "ingress", "status.ingress")) {
            boolean admitted = f.maps(ing, "conditions", "status.ingress.conditions").stream()
                    .anyMatch(c -> "Admitted".equals(c.get("type")) && "True".equals(String.valueOf(c.get("status"))));
            if (admitted) {
                host = f.str(ing, "host", "status.ingress.host");
                break;
            }
        }
        if (host == null) {
            host = f.str(spec, "host", "spec.host");
        }
        Map<String, Object> to = f.map(spec, "to", "spec.to");
        String svc = "Service".equals(f.str(to, "kind", "spec.to.kind")) ? f.str(to, "name", "spec.to.name") : null;
        return new RouteInfo(meta, host, svc, Fields.has(spec, "tls"), f.str(spec, "path", "spec.path"));
    }

    private static String hostUrl(String host, boolean https) {
        return host == null || host.isBlank() ? null : (https ? "https://" : "http://") + host;
    }
}
