package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A {@code KafkaConnect}: where {@code KafkaConnector}s run. Needed to find the target cluster of a
 * MirrorSourceConnector whose config does not name it.
 *
 * @param meta             identity and manifest
 * @param bootstrapServers spec.bootstrapServers (the cluster Connect writes to); null when missing
 * @param url              status.url of the Connect REST API; may be null
 * @param conditions       status conditions
 * @param notes            reader notes
 */
public record ConnectCluster(ResourceMeta meta, String bootstrapServers, String url, List<Condition> conditions,
                             List<String> notes) {

    public ConnectCluster {
        conditions = List.copyOf(conditions);
        notes = List.copyOf(notes);
    }
}
