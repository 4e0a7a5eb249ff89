package io.mirrorscope.core.health;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.MirrorLink;
import io.mirrorscope.core.inventory.TopicNaming;
import java.util.Map;
import java.util.Objects;

/**
 * One mirror link as the health engine needs it: who mirrors what to where, how target topics are named, and the
 * connector configuration that can change or drop records.
 *
 * @param name            a name for messages: {@code <mirror> <source>-><target>} or the aliases alone
 * @param sourceAlias     MM2 alias of the source (names the heartbeats and checkpoints topics)
 * @param sourceBootstrap the source's bootstrap address, for display
 * @param targetAlias     MM2 alias of the target
 * @param targetBootstrap the target's bootstrap address, for display
 * @param topicsPattern   regex (or comma list of regexes, as MM2 takes them) of mirrored topics
 * @param topicsExclude   regex (or comma list) of excluded topics; null when none
 * @param groupsPattern   regex of the consumer groups whose checkpoints matter; null for all
 * @param naming          the replication policy's naming of target topics
 * @param separator       {@code replication.policy.separator} (names {@code <alias><sep>checkpoints.internal})
 * @param connectorConfig the source connector's configuration (keys as Connect takes them); may be empty
 * @param crHealth        what the custom resource's status says; {@link Health#UNKNOWN} without one
 */
public record LinkSpec(String name, String sourceAlias, String sourceBootstrap, String targetAlias,
                       String targetBootstrap, String topicsPattern, String topicsExclude, String groupsPattern,
                       TopicNaming naming, String separator, Map<String, String> connectorConfig, Health crHealth) {

    public LinkSpec {
        Objects.requireNonNull(sourceAlias, "sourceAlias");
        Objects.requireNonNull(naming, "naming");
        topicsPattern = topicsPattern == null || topicsPattern.isBlank() ? ".*" : topicsPattern;
        separator = separator == null || separator.isEmpty() ? "." : separator;
        connectorConfig = connectorConfig == null ? Map.of() : Map.copyOf(connectorConfig);
        crHealth = crHealth == null ? Health.UNKNOWN : crHealth;
        name = name == null ? sourceAlias + "->" + targetAlias : name;
    }

    /**
     * The spec of a link read from a mirror resource.
     *
     * @param mirrorName      the mirror resource's name, for messages
     * @param link            the link from the inventory
     * @param groupsPattern   regex of groups, or null for all
     * @param connectorConfig the link's source connector configuration (may be empty)
     */
    public static LinkSpec of(String mirrorName, MirrorLink link, String groupsPattern,
                              Map<String, String> connectorConfig) {
        String separator = connectorConfig == null ? null : connectorConfig.get("replication.policy.separator");
        return new LinkSpec(mirrorName + " " + link.sourceAlias() + "->" + link.targetAlias(), link.sourceAlias(),
                link.sourceBootstrap(), link.targetAlias(), link.targetBootstrap(), link.topicsPattern(),
                link.topicsExclude(), groupsPattern, link.naming(), separator, connectorConfig, link.health());
    }

    /** MM2's replicated heartbeats on the target: {@code <alias><sep>heartbeats}, or {@code heartbeats} (identity). */
    public String replicatedHeartbeatsTopic() {
        return naming.targetTopic("heartbeats");
    }

    /** MM2's offset syncs of this flow: {@code mm2-offset-syncs.<target alias>.internal} (not renamed by policy). */
    public String offsetSyncsTopic() {
        return offsetSyncsTopic(targetAlias);
    }

    /** The name MM2 gives the offset-syncs topic of flows to {@code targetAlias}. */
    public static String offsetSyncsTopic(String targetAlias) {
        return "mm2-offset-syncs." + targetAlias + ".internal";
    }

    /** Whether MM2 keeps the offset syncs on the target ({@code offset-syncs.topic.location=target}). */
    public boolean offsetSyncsOnTarget() {
        return "target".equalsIgnoreCase(connectorConfig.getOrDefault("offset-syncs.topic.location", "source")
                .strip());
    }

    /** MM2's checkpoints on the target: {@code <source alias><sep>checkpoints.internal} under either policy. */
    public String checkpointsTopic() {
        return sourceAlias + separator + "checkpoints.internal";
    }
}
