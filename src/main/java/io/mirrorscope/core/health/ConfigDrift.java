package io.mirrorscope.core.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One topic config that differs between a source topic and its target topic.
 *
 * @param name   the config name
 * @param source its value on the source (null when the broker did not say)
 * @param target its value on the target
 */
public record ConfigDrift(String name, String source, String target) {

    /**
     * The configs compared: those that change what a consumer of the target can read, or whether the mirror can
     * write at all (a smaller {@code max.message.bytes} on the target stops it), or how long a failover has.
     */
    public static final List<String> WATCHED = List.of("retention.ms", "retention.bytes", "cleanup.policy",
            "compression.type", "max.message.bytes", "min.insync.replicas", "message.timestamp.type",
            "min.compaction.lag.ms", "delete.retention.ms", "segment.bytes", "unclean.leader.election.enable");

    /** The watched configs whose values differ; a config missing on one side (old broker) is not drift. */
    public static List<ConfigDrift> compare(Map<String, String> source, Map<String, String> target) {
        List<ConfigDrift> out = new ArrayList<>();
        if (source == null || target == null) {
            return out;
        }
        for (String name : WATCHED) {
            if (source.containsKey(name) && target.containsKey(name)
                    && !Objects.equals(source.get(name), target.get(name))) {
                out.add(new ConfigDrift(name, source.get(name), target.get(name)));
            }
        }
        return out;
    }
}
