package io.mirrorscope.kafka;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The only place Kafka clients are made. Consumers read with {@code assign()} and {@code seek()} only: no
 * {@code group.id} (so no group coordinator, no joins, no commits), {@code enable.auto.commit=false},
 * {@code allow.auto.create.topics=false}, client telemetry off, a {@code client.id} naming MirrorScope so a broker
 * operator sees who reads. The Admin client is handed out only inside {@link ReadOnlyAdmin}.
 */
public final class ReadOnlyClients {

    private ReadOnlyClients() {
    }

    /** A fresh client id, {@code mirrorscope-<uuid>}. */
    public static String newClientId() {
        return "mirrorscope-" + UUID.randomUUID();
    }

    /** The full consumer configuration (a unit test asserts it). */
    public static Map<String, Object> consumerConfig(ConnectionSettings settings, ConsumerOptions options,
            String clientId) {
        Map<String, Object> p = settings.clientProperties();
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, options.isolation().config());
        // We always seek; if retention removes the offsets under a tail, start again at the earliest.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.maxPollRecords());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, options.maxPartitionFetchBytes());
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, options.fetchMaxBytes());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) options.apiTimeout().toMillis());
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(options.apiTimeout().toMillis(), 30_000));
        p.put(ConsumerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /** A read-only consumer; the caller owns it and uses it from one thread. */
    public static Consumer<byte[], byte[]> consumer(ConnectionSettings settings, ConsumerOptions options) {
        return new KafkaConsumer<>(consumerConfig(settings, options, newClientId()));
    }

    /** The Admin configuration: bootstrap, security, a MirrorScope client id, telemetry off. */
    public static Map<String, Object> adminConfig(ConnectionSettings settings, ConsumerOptions options,
            String clientId) {
        Map<String, Object> p = settings.clientProperties();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) options.apiTimeout().toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(options.apiTimeout().toMillis(), 30_000));
        p.put(AdminClientConfig.ENABLE_METRICS_PUSH_CONFIG, false);
        return p;
    }

    /** The read-only Admin facade over a new Admin client. */
    public static ReadOnlyAdmin admin(ConnectionSettings settings, ConsumerOptions options) {
        return new ReadOnlyAdmin(Admin.create(adminConfig(settings, options, newClientId())), settings,
                options.apiTimeout());
    }
}
