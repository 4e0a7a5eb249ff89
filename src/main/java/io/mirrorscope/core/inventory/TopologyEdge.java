package io.mirrorscope.core.inventory;

/**
 * A mirror link resolved to its two nodes.
 *
 * @param id     stable id: {@code <mirrorKind>:<ns>/<name>#<index>}
 * @param source source node
 * @param target target node
 * @param mirror the mirror
 * @param link   the flow
 */
public record TopologyEdge(String id, ClusterNode source, ClusterNode target, Mirror mirror, MirrorLink link) {

    /** The link's own health (its connectors), never better than the mirror's conditions. */
    public Health health() {
        return link.health();
    }

    /** "europe-cluster." style prefix, "" for identity naming. */
    public String targetTopicPrefix() {
        return link.naming().prefix();
    }
}
