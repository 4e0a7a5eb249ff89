package io.mirrorscope.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How gently a consumer reads. Defaults are small on purpose: MirrorScope is often opened during an incident, and
 * must not add load a broker notices.
 *
 * @param isolation              {@code read_committed} (default: what applications see) or {@code read_uncommitted}
 * @param maxPollRecords         records per poll
 * @param maxPartitionFetchBytes bytes per partition per fetch
 * @param fetchMaxBytes          bytes per fetch response
 * @param apiTimeout             how long a metadata or offsets call may take before it fails
 */
public record ConsumerOptions(Isolation isolation, int maxPollRecords, int maxPartitionFetchBytes, int fetchMaxBytes,
        Duration apiTimeout) {

    /** Kafka's isolation levels. */
    public enum Isolation {
        READ_COMMITTED("read_committed"), READ_UNCOMMITTED("read_uncommitted");

        private final String config;

        Isolation(String config) {
            this.config = config;
        }

        public String config() {
            return config;
        }
    }

    public static final ConsumerOptions DEFAULTS =
            new ConsumerOptions(Isolation.READ_COMMITTED, 500, 1024 * 1024, 8 * 1024 * 1024, Duration.ofSeconds(30));

    public ConsumerOptions {
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(apiTimeout, "apiTimeout");
        if (maxPollRecords <= 0 || maxPartitionFetchBytes <= 0 || fetchMaxBytes <= 0) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
    }

    public ConsumerOptions withIsolation(Isolation level) {
        return new ConsumerOptions(level, maxPollRecords, maxPartitionFetchBytes, fetchMaxBytes, apiTimeout);
    }

    public ConsumerOptions withApiTimeout(Duration timeout) {
        return new ConsumerOptions(isolation, maxPollRecords, maxPartitionFetchBytes, fetchMaxBytes, timeout);
    }
}
