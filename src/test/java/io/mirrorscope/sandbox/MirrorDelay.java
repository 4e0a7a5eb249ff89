package io.mirrorscope.sandbox;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * A Connect transform on the mirror that holds each data record until {@code source timestamp + delay} while the
 * sandbox's slow-mirror fault is on: replication delay grows to the configured value, nothing else changes.
 */
public final class MirrorDelay<R extends ConnectRecord<R>> implements Transformation<R> {

    private SandboxFaults faults;

    @Override
    public R apply(R record) {
        long delayMs = faults.mirrorDelay().toMillis();
        if (delayMs <= 0 || record.timestamp() == null || record.topic() == null
                || record.topic().endsWith("heartbeats") || record.topic().endsWith(".internal")) {
            return record;
        }
        long wait = Math.min(record.timestamp() + delayMs - System.currentTimeMillis(), delayMs);
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(SandboxRegistry.CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH,
                "id of the sandbox whose fault switches apply");
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
