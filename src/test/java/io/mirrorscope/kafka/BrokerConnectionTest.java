package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.testkit.FreePorts;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One broker with a plain, an mTLS and a SCRAM-SHA-512 listener; settings built from Strimzi-shaped secret data;
 * records produced by Debian's kcat (plain and mTLS with a PKCS#1 key).
 */
@Tag("kafka")
class BrokerConnectionTest {

    private static final String CLUSTER = "europe-cluster";
    private static final String TOPIC = "orders";
    private static KafkaTestCluster kafka;
    private static TestCa.IssuedCert user;
    private static final String USER_P12_PASSWORD = TestCa.randomPassword();
    private static final String SCRAM_PASSWORD = TestCa.randomPassword();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        if (!Kcat.present()) {
            return; // each test is then skipped (or failed under CI=true) by requireKcat
        }
        kafka = KafkaTestCluster.builder(CLUSTER)
                .listener(KafkaListener.plain("PLAIN"))
                .listener(KafkaListener.mtls("TLS"))
                .listener(KafkaListener.scram("SCRAM"))
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
        kafka.createTopic(TOPIC, 3);
        kafka.createTopic("tls-topic", 1);
        kafka.createScramUser("alice", SCRAM_PASSWORD);
        user = kafka.issueUser("my-user");
        List<String> lines = IntStream.range(0, 30).mapToObj(i -> "k-" + i + ":Hello world - " + i).toList();
        Kcat.produce(kafka.bootstrap("PLAIN"), TOPIC, lines, List.of("-H", "source=kcat"));
        Kcat.produce(kafka.bootstrap("TLS"), "tls-topic", List.of("a:over mtls 1", "b:over mtls 2"),
                Kcat.mtlsArgs(dir, kafka.clusterCa().certificatePem(), user.certificatePem(),
                        user.privateKeyPkcs1Pem()));
    }

    @BeforeEach
    void requireKcat() {
        Kcat.require();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, byte[]> clusterCaSecret() {
        return Map.of("ca.crt", kafka.clusterCa().certificatePem().getBytes(StandardCharsets.US_ASCII));
    }

    private static StrimziConnections.Listener listener(String name, boolean tls, String auth) {
        return new StrimziConnections.Listener(name.toLowerCase(), "internal", tls, auth,
                kafka.bootstrap(name), List.of());
    }

    private static ConnectionSettings strimzi(StrimziConnections.Listener l, Map<String, byte[]> caSecret,
            Map<String, byte[]> userSecret, String userName) {
        return StrimziConnections.settings(CLUSTER, l, StrimziConnections.trust(CLUSTER, caSecret, l),
                StrimziConnections.clientAuth(l, userName, userSecret));
    }

    private static Map<String, byte[]> scramSecret(String password) {
        Map<String, byte[]> data = new HashMap<>();
        data.put("password", password.getBytes(StandardCharsets.UTF_8));
        data.put("sasl.jaas.config", KafkaTestCluster.scramJaasConfig("alice", password)
                .getBytes(StandardCharsets.UTF_8));
        return data;
    }

    @Test
    void plainListenerReadsWhatKcatWrote() {
        List<RawRecord> records = Reads.readAll(strimzi(listener("PLAIN", false, null), null, null, null), TOPIC,
                new StartPosition.Beginning());
        assertThat(records).hasSize(30);
        List<DecodedRecord> decoded = records.stream().map(RecordDecoder.CLI::decode).toList();
        assertThat(decoded).extracting(d -> d.value().text()).contains("Hello world - 0", "Hello world - 29");
        DecodedRecord one = decoded.stream().filter(d -> "k-7".equals(d.key().text())).findFirst().orElseThrow();
        assertThat(one.value().text()).isEqualTo("Hello world - 7");
        assertThat(one.headers()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("source");
            assertThat(h.value().text()).isEqualTo("kcat");
        });
        assertThat(records).extracting(RawRecord::partition).containsAnyOf(0, 1, 2);
    }

    @Test
    void mtlsWithAPkcs1UserKeyFromTheKafkaUserSecret() {
        Map<String, byte[]> secret = user.strimziUserSecretData(USER_P12_PASSWORD);
        assertThat(new String(secret.get("user.key"), StandardCharsets.US_ASCII)).contains("BEGIN RSA PRIVATE KEY");
        ConnectionSettings settings = strimzi(listener("TLS", true, "tls"), clusterCaSecret(), secret, "my-user");
        assertThat(settings.protocol()).isEqualTo(SecurityProtocol.SSL);
        assertThat(Reads.readAll(settings, TOPIC, new StartPosition.LastN(2))).hasSize(6);
        assertThat(Reads.readAll(settings, "tls-topic", new StartPosition.Beginning()))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("over mtls 1", "over mtls 2");
    }

    @Test
    void mtlsFromUserP12WhenThePemFilesAreAbsent() {
        Map<String, byte[]> secret = new HashMap<>(user.strimziUserSecretData(USER_P12_PASSWORD));
        secret.remove("user.crt");
        secret.remove("user.key");
        ConnectionSettings settings = strimzi(listener("TLS", true, "tls"), clusterCaSecret(), secret, "my-user");
        assertThat(Reads.readAll(settings, "tls-topic", new StartPosition.Beginning())).hasSize(2);
    }

    @Test
    void caRenewalKeepsSeveralCertificatesAndStatusCertificatesAreAFallback() {
        TestCa next = TestCa.clusterCa("renewed");
        Map<String, byte[]> renewal = new HashMap<>();
        renewal.put("ca.crt", next.certificatePem().getBytes(StandardCharsets.US_ASCII));
        renewal.put("ca-2026-11-01.crt", kafka.clusterCa().certificatePem().getBytes(StandardCharsets.US_ASCII));
        ConnectionSettings settings = strimzi(listener("TLS", true, "tls"), renewal,
                user.strimziUserSecretData(USER_P12_PASSWORD), "my-user");
        assertThat(Reads.readAll(settings, "tls-topic", new StartPosition.Beginning())).hasSize(2);

        StrimziConnections.Listener withStatus = new StrimziConnections.Listener("tls", "internal", true, "tls",
                kafka.bootstrap("TLS"), List.of(kafka.clusterCa().certificatePem()));
        ConnectionSettings fromStatus = strimzi(withStatus, null, user.strimziUserSecretData(USER_P12_PASSWORD),
                "my-user");
        assertThat(Reads.readAll(fromStatus, "tls-topic", new StartPosition.Beginning())).hasSize(2);
    }

    @Test
    void scramSha512FromSaslJaasConfigOrPassword() {
        StrimziConnections.Listener scram = listener("SCRAM", true, "scram-sha-512");
        ConnectionSettings settings = strimzi(scram, clusterCaSecret(), scramSecret(SCRAM_PASSWORD), "alice");
        assertThat(settings.protocol()).isEqualTo(SecurityProtocol.SASL_SSL);
        assertThat(Reads.readAll(settings, TOPIC, new StartPosition.LastN(1))).hasSize(3);

        Map<String, byte[]> passwordOnly = Map.of("password", SCRAM_PASSWORD.getBytes(StandardCharsets.UTF_8));
        assertThat(Reads.readAll(strimzi(scram, clusterCaSecret(), passwordOnly, "alice"), TOPIC,
                new StartPosition.LastN(1))).hasSize(3);
    }

    @Test
    void wrongCaIsAClearTlsProblem() {
        Map<String, byte[]> otherCa = Map.of("ca.crt",
                TestCa.clusterCa("impostor").certificatePem().getBytes(StandardCharsets.US_ASCII));
        ConnectionSettings settings = strimzi(listener("TLS", true, "tls"), otherCa,
                user.strimziUserSecretData(USER_P12_PASSWORD), "my-user");
        assertThatThrownBy(() -> Reads.readAll(settings, TOPIC, new StartPosition.Beginning()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONNECTION);
                    assertThat(e.problem().title()).contains("TLS handshake failed")
                            .contains("not signed by a trusted CA");
                    assertThat(e.problem().hint()).contains("cluster-ca-cert");
                });
    }

    @Test
    void wrongPasswordIsAClearAuthenticationProblem() {
        ConnectionSettings settings = strimzi(listener("SCRAM", true, "scram-sha-512"), clusterCaSecret(),
                scramSecret("not-the-password"), "alice");
        assertThatThrownBy(() -> Reads.readAll(settings, TOPIC, new StartPosition.Beginning()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONNECTION);
                    assertThat(e.problem().title()).startsWith("Authentication failed");
                    assertThat(e.problem().hint()).contains("SCRAM-SHA-512 as alice");
                    assertThat(e.problem().oneLine()).doesNotContain("not-the-password");
                });
    }

    @Test
    void brokerDownIsAClearConnectionProblem() {
        ConnectionSettings down = ConnectionSettings.plaintext("127.0.0.1:" + FreePorts.pick());
        assertThatThrownBy(() -> Reads.readAll(down, TOPIC, new StartPosition.Beginning()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONNECTION);
                    assertThat(e.problem().title()).startsWith("Cannot reach the Kafka brokers");
                    assertThat(e.problem().detail()).contains("refused");
                });
    }

    @Test
    void unknownTopicIsNotFound() {
        assertThatThrownBy(() -> Reads.readAll(ConnectionSettings.plaintext(kafka.bootstrap("PLAIN")), "nope",
                new StartPosition.Beginning(), ConsumerOptions.DEFAULTS.withApiTimeout(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NOT_FOUND));
    }

    @Test
    void noCredentialEverReachesTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger kafkaLogger = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        Level before = kafkaLogger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        kafkaLogger.setLevel(Level.DEBUG);  // Kafka prints its full client config at INFO
        try {
            Map<String, byte[]> tlsSecret = user.strimziUserSecretData(USER_P12_PASSWORD);
            Reads.readAll(strimzi(listener("TLS", true, "tls"), clusterCaSecret(), tlsSecret, "my-user"),
                    "tls-topic", new StartPosition.Beginning());
            Reads.readAll(strimzi(listener("SCRAM", true, "scram-sha-512"), clusterCaSecret(),
                    scramSecret(SCRAM_PASSWORD), "alice"), "tls-topic", new StartPosition.Beginning());
            try {
                Reads.readAll(strimzi(listener("SCRAM", true, "scram-sha-512"), clusterCaSecret(),
                        scramSecret(SCRAM_PASSWORD + "x"), "alice"), "tls-topic", new StartPosition.Beginning());
            } catch (ProblemException expected) {
                assertThat(expected.problem().title()).startsWith("Authentication failed");
            }
        } finally {
            kafkaLogger.setLevel(before);
            root.detachAppender(appender);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            lines.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                lines.add(e.getThrowableProxy().getMessage());
            }
        }
        String log = String.join("\n", lines);
        assertThat(log).contains("sasl.jaas.config = [hidden]");  // the config dump happened and was masked
        String keyLine = user.privateKeyPkcs8Pem().lines().skip(3).findFirst().orElseThrow();
        String pkcs1Line = user.privateKeyPkcs1Pem().lines().skip(3).findFirst().orElseThrow();
        assertThat(log).doesNotContain(SCRAM_PASSWORD).doesNotContain(USER_P12_PASSWORD)
                .doesNotContain(keyLine).doesNotContain(pkcs1Line).doesNotContain("PRIVATE KEY");
    }
}
