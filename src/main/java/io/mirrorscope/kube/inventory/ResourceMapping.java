package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryProblem;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.ResourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes a resource of any kind to its mapper and into {@link Inventory.Parts}; shared by one-shot and live reads. */
public final class ResourceMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceMapping.class);

    private ResourceMapping() {
    }

    /** The fabric8 context of a kind in a version (explicit plural: no extra discovery round trip). */
    public static ResourceDefinitionContext context(ResourceKind kind, String version) {
        return new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(version)
                .withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(true).build();
    }

    /**
     * Maps one resource and adds it to the parts. A mapper failure (a bug, or a shape nobody foresaw) becomes a
     * problem naming the resource; the other resources are unaffected.
     */
    public static void add(Inventory.Parts parts, ResourceKind kind, GenericKubernetesResource r) {
        try {
            switch (kind) {
                case KAFKA -> parts.clusters().add(StrimziMapper.kafka(r));
                case KAFKA_NODE_POOL -> parts.nodePools().add(StrimziMapper.nodePool(r));
                case KAFKA_TOPIC -> parts.topics().add(StrimziMapper.topic(r));
                case KAFKA_USER -> parts.users().add(StrimziMapper.user(r));
                case KAFKA_CONNECT -> parts.connects().add(StrimziMapper.connect(r));
                case KAFKA_MIRROR_MAKER -> parts.mirrors().add(MirrorMapper.mirrorMaker(r));
                case KAFKA_MIRROR_MAKER_2 -> parts.mirrors().add(MirrorMapper.mirrorMaker2(r));
                case KAFKA_CONNECTOR -> {
                    Mirror m = MirrorMapper.connector(r);
                    if (m != null) {
                        parts.mirrors().add(m);
                    }
                }
                case JAEGER -> parts.tracing().add(TracingMapper.jaeger(r));
                case TEMPO_STACK -> parts.tracing().add(TracingMapper.tempoStack(r));
                case TEMPO_MONOLITHIC -> parts.tracing().add(TracingMapper.tempoMonolithic(r));
                case ROUTE -> parts.routes().add(TracingMapper.route(r));
            }
        } catch (RuntimeException e) {
            String name = r.getMetadata() == null ? "" : r.getMetadata().getName();
            String ns = r.getMetadata() == null ? "" : r.getMetadata().getNamespace();
            LOG.warn("Cannot read {} {}/{}: {}", kind.kind(), ns, name, e.toString());
            parts.kindProblems().add(new InventoryProblem(kind.kind(), name == null ? "" : name,
                    ns == null ? "" : ns,
                    "could not be read: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        }
    }
}
