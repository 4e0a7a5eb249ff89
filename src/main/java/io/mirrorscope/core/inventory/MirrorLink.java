package io.mirrorscope.core.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One replication flow of a mirror: source cluster → target cluster, which topics, how they are named, and the
 * configuration of the connector that moves the records (transforms, filters, exclusions, replication policy).
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
 * @param connectorConfig the source connector's configuration as Connect takes it (keys such as
 *                        {@code transforms}, {@code transforms.x.type}, {@code replication.policy.class},
 *                        {@code topics.exclude}; values as strings, in the manifest's order); empty when none
 */
public record MirrorLink(String sourceAlias, String sourceBootstrap, String targetAlias, String targetBootstrap,
                         String topicsPattern, String topicsExclude, TopicNaming naming, Health health,
                         Map<String, String> connectorConfig) {

    public MirrorLink {
        // kept in the manifest's order: transforms are applied in the order they are listed
        connectorConfig = connectorConfig == null || connectorConfig.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(connectorConfig));
    }

    /** A link without connector configuration (MirrorMaker 1, tests). */
    public MirrorLink(String sourceAlias, String sourceBootstrap, String targetAlias, String targetBootstrap,
                      String topicsPattern, String topicsExclude, TopicNaming naming, Health health) {
        this(sourceAlias, sourceBootstrap, targetAlias, targetBootstrap, topicsPattern, topicsExclude, naming, health,
                Map.of());
    }

    /** The connector name prefix of an MM2 flow: {@code <source>-><target>.}. */
    public String connectorPrefix() {
        return sourceAlias + "->" + targetAlias + ".";
    }

    /**
     * Whether this flow copies {@code topic}: it matches {@code topicsPattern} and not {@code topicsExclude}
     * (each a comma-separated list of regexes, as MM2's {@code topics} and {@code topics.exclude}; MM1's
     * include/whitelist is one regex, which the split leaves whole unless it holds a comma, the old list form).
     * Internal topics (MM2's heartbeats, checkpoints and offset syncs, {@code __*}) are never offered.
     */
    public boolean mirrors(String topic) {
        if (topic.startsWith("__") || topic.startsWith("mm2-") || topic.endsWith(".internal")
                || topic.equals("heartbeats") || topic.endsWith(".heartbeats")) {
            return false;
        }
        return anyMatches(topicsPattern == null || topicsPattern.isBlank() ? ".*" : topicsPattern, topic)
                && (topicsExclude == null || topicsExclude.isBlank() || !anyMatches(topicsExclude, topic));
    }

    private static boolean anyMatches(String patterns, String topic) {
        for (String p : patterns.split(",")) {
            try {
                if (!p.isBlank() && java.util.regex.Pattern.matches(p.strip(), topic)) {
                    return true;
                }
            } catch (java.util.regex.PatternSyntaxException notARegex) {
                if (p.strip().equals(topic)) {
                    return true; // a literal name that is not a valid regex
                }
            }
        }
        return false;
    }

    public MirrorLink withHealth(Health h) {
        return new MirrorLink(sourceAlias, sourceBootstrap, targetAlias, targetBootstrap, topicsPattern,
                topicsExclude, naming, h, connectorConfig);
    }

    /** The same link writing to another bootstrap address (a connector's target taken from its KafkaConnect). */
    public MirrorLink withTargetBootstrap(String bootstrap) {
        return new MirrorLink(sourceAlias, sourceBootstrap, targetAlias, bootstrap, topicsPattern, topicsExclude,
                naming, health, connectorConfig);
    }
}
