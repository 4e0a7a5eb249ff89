package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class ReadOnlyClientsTest {

    @Test
    void consumerConfigIsReadOnlyAndGentle() {
        Map<String, Object> c = ReadOnlyClients.consumerConfig(ConnectionSettings.plaintext("localhost:9092"),
                ConsumerOptions.DEFAULTS, ReadOnlyClients.newClientId());
        assertThat(c).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024)
                .containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024)
                .containsEntry(ConsumerConfig.ENABLE_METRICS_PUSH_CONFIG, false)
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "PLAINTEXT");
        assertThat((String) c.get(ConsumerConfig.CLIENT_ID_CONFIG)).matches("mirrorscope-[0-9a-f-]{36}");
        // Kafka accepts it as a consumer config (unknown or mistyped keys would throw here)
        assertThat(new ConsumerConfig(c).getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isFalse();
        assertThat(new ConsumerConfig(c).getString(ConsumerConfig.GROUP_ID_CONFIG)).isNull();
    }

    @Test
    void isolationIsSelectableAndClientIdsDiffer() {
        Map<String, Object> c = ReadOnlyClients.consumerConfig(ConnectionSettings.plaintext("h:1"),
                ConsumerOptions.DEFAULTS.withIsolation(ConsumerOptions.Isolation.READ_UNCOMMITTED), "x");
        assertThat(c).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        assertThat(ReadOnlyClients.newClientId()).isNotEqualTo(ReadOnlyClients.newClientId());
    }

    @Test
    void securityPropertiesForTlsAndSasl() {
        ConnectionSettings tls = new ConnectionSettings("b:9093", SecurityProtocol.SSL, "CA-PEM",
                new ClientAuth.TlsCertificate("CERT-PEM", "KEY-PEM", "CN=alice"), true, null);
        assertThat(tls.clientProperties())
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.certificates", "CA-PEM")
                .containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.keystore.certificate.chain", "CERT-PEM")
                .containsEntry("ssl.keystore.key", "KEY-PEM")
                .containsEntry("ssl.endpoint.identification.algorithm", "https");
        assertThat(tls.toString()).doesNotContain("KEY-PEM").contains("CN=alice");

        ConnectionSettings scram = new ConnectionSettings("b:9094", SecurityProtocol.SASL_SSL, null,
                new ClientAuth.SaslPassword("scram-sha-512", "bob", "p\"w\\d".toCharArray()), true, null);
        assertThat(scram.clientProperties())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"bob\" password=\"p\\\"w\\\\d\";")
                .doesNotContainKey("ssl.truststore.type");
        assertThat(scram.toString()).doesNotContain("p\"w");
    }
}
