package io.mirrorscope.sandbox;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A Connect predicate for the mirror's {@code Filter} transform: true for every k-th replicated data record while the
 * sandbox's drop fault is on (k from {@link SandboxFaults}). MirrorMaker's own heartbeat and checkpoint records are
 * never counted, so only data goes missing — the way a lossy mirror looks from outside.
 */
public final class EveryKthRecord<R extends ConnectRecord<R>> implements Predicate<R> {

    private SandboxFaults faults;

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(SandboxRegistry.CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH,
                "id of the sandbox whose fault switches apply");
    }

    @Override
    public boolean test(R record) {
        String topic = record.topic();
        if (topic == null || topic.endsWith("heartbeats") || topic.endsWith(".internal")) {
            return false;
        }
        return faults.shouldDrop(record);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        faults = SandboxRegistry.lookup(configs).faults();
    }

    @Override
    public void close() {
        faults = null;
    }
}
