package io.mirrorscope.core.inventory;

/**
 * One replication flow of a mirror: source cluster → target cluster, which topics, and how they are named.
 * The endpoints are what the mirror's spec says (alias and bootstrap address); {@link Topology} resolves them
 * to Kafka resources.
 *
 * @param sourceAlias     MM2 alias of the source; null for MirrorMaker 1
 * @param sourceBootstrap bootstrap address of the source as configured; null when the spec lacks it
 * @param targetAlias     MM2 alias of the target; null for MirrorMaker 1
 * @param targetBootstrap bootstrap address of the target as configured; null when the spec lacks it
 * @param topicsPattern   regex of the mirrored topics (MM1 include/whitelist, MM2 topicsPattern); ".*" default
 * @param topicsExclude   regex of excluded topics; null when none
 * @param naming          how target topics are named
 * @param health          the health of this flow's connectors (MM2), else of the mirror
 */
public record MirrorLink(String sourceAlias, String sourceBootstrap, String targetAlias, String targetBootstrap,
                         String topicsPattern, String topicsExclude, TopicNaming naming, Health health) {

    /** The connector name prefix of an MM2 flow: {@code <source>-><target>.}. */
    public String connectorPrefix() {
        return sourceAlias + "->" + targetAlias + ".";
    }

    public MirrorLink withHealth(Health h) {
        return new MirrorLink(sourceAlias, sourceBootstrap, targetAlias, targetBootstrap, topicsPattern,
                topicsExclude, naming, h);
    }
}
