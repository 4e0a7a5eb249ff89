package io.mirrorscope.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One broker for the class with all three listener kinds; each test proves one listener end to end. */
@Tag("kafka")
class KafkaTestClusterTest {

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.builder("testkit-cluster")
                .listener(KafkaListener.plain("PLAIN"))
                .listener(KafkaListener.mtls("TLS"))
                .listener(KafkaListener.scram("SCRAM"))
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
        kafka.createTopic("t", 3);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void plainListenerCarriesRecords() {
        assertRoundTrip(kafka.clientConfig("PLAIN"), "plain");
    }

    @Test
    void tlsListenerAcceptsACertificateOfTheClientsCaAndRefusesNone() {
        TestCa.IssuedCert user = kafka.issueUser("my-user");
        assertRoundTrip(kafka.clientConfig("TLS", user), "mtls");

        Map<String, Object> noCert = new HashMap<>(kafka.clientConfig("TLS", user));
        noCert.remove("ssl.keystore.type");
        noCert.remove("ssl.keystore.certificate.chain");
        noCert.remove("ssl.keystore.key");
        assertThatThrownBy(() -> listTopics(noCert)).hasStackTraceContaining("SSL");
    }

    @Test
    void scramListenerAuthenticatesUsersMadeThroughTheAdminApi() {
        kafka.createScramUser("scram-user", "scram-password");
        assertRoundTrip(kafka.clientConfig("SCRAM", "scram-user", "scram-password"), "scram");

        assertThatThrownBy(() -> listTopics(kafka.clientConfig("SCRAM", "scram-user", "wrong")))
                .hasStackTraceContaining("Authentication failed");
    }

    @Test
    void stoppedNodeRefusesConnectionsAndComesBackWithItsData() throws Exception {
        KafkaTestCluster other = KafkaTestCluster.builder("restart-cluster").start();
        try {
            other.createTopic("kept", 2);
            other.node().stop();
            assertThat(canConnect(other.port("PLAIN"))).isFalse();
            other.node().start();
            try (Admin admin = other.admin()) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
            }
        } finally {
            other.close();
        }
        assertThat(canConnect(other.port("PLAIN"))).isFalse();
    }

    private static void assertRoundTrip(Map<String, Object> config, String value) {
        Map<String, Object> producerConfig = new HashMap<>(config);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        String marker = value + "-" + UUID.randomUUID();
        long offset;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            offset = producer.send(new ProducerRecord<>("t", 1, "k", marker)).get(30, TimeUnit.SECONDS).offset();
        } catch (Exception e) {
            throw new AssertionError("produce over " + value + " failed", e);
        }
        Map<String, Object> consumerConfig = new HashMap<>(config);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            TopicPartition tp = new TopicPartition("t", 1);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            List<ConsumerRecord<String, String>> got = consumer.poll(Duration.ofSeconds(20)).records(tp);
            assertThat(got).isNotEmpty();
            assertThat(got.getFirst().value()).isEqualTo(marker);
        }
    }

    private static void listTopics(Map<String, Object> config) throws Exception {
        Map<String, Object> admin = new HashMap<>(config);
        admin.put("default.api.timeout.ms", 10_000);
        admin.put("request.timeout.ms", 5_000);
        try (Admin client = Admin.create(admin)) {
            client.listTopics().names().get(15, TimeUnit.SECONDS);
        }
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
