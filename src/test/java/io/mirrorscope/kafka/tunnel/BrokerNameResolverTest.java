package io.mirrorscope.kafka.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.kafka.BrokerProbe;
import io.mirrorscope.kafka.ClientAuth;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.PartitionTailer;
import io.mirrorscope.kafka.ReadOnlyAdmin;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.ReadRequest;
import io.mirrorscope.kafka.RecordSink;
import io.mirrorscope.kafka.SecurityProtocol;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A TLS broker bound to 127.0.0.2 that advertises an in-cluster name no DNS knows; the JEP 418 resolver maps it, and
 * the client consumes with host name verification on. {@link BrokerNameResolver3BrokersTest} does the same with three
 * brokers, one partition leader on each.
 */
@Tag("kafka")
class BrokerNameResolverTest {

    private static final String BROKER = "europe-cluster-kafka-0.europe-cluster-kafka-brokers.amq-streams.svc";
    private static final String BOOTSTRAP = "europe-cluster-kafka-bootstrap.amq-streams.svc";
    private static KafkaTestCluster kafka;
    private static TestCa.IssuedCert user;
    private static InetAddress loopback2;

    @BeforeAll
    static void start() throws Exception {
        loopback2 = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        BrokerNames.register(BROKER, loopback2);
        BrokerNames.register(BOOTSTRAP, loopback2);
        kafka = KafkaTestCluster.builder("europe-cluster")
                .bindHost("127.0.0.2")
                .listener(KafkaListener.plain("ADMIN"))
                .listener(KafkaListener.mtls("TLS").advertising(BROKER))
                .brokerSans(List.of(BROKER, BOOTSTRAP))
                .start();
        kafka.createTopic("orders", 2);
        try (KafkaProducer<String, String> p = kafka.stringProducer()) {
            for (int i = 0; i < 6; i++) {
                p.send(new ProducerRecord<>("orders", i % 2, "k" + i, "Hello world - " + i));
            }
        }
        user = kafka.issueUser("reader");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        BrokerNames.unregister(BROKER, loopback2);
        BrokerNames.unregister(BOOTSTRAP, loopback2);
    }

    private static ConnectionSettings tls(String host) {
        return new ConnectionSettings(host + ":" + kafka.port("TLS"), SecurityProtocol.SSL,
                kafka.clusterCa().certificatePem(),
                new ClientAuth.TlsCertificate(user.chainPem(), user.privateKeyPkcs8Pem(), "CN=reader"), true, null);
    }

    private static List<RawRecord> read(ConnectionSettings settings) {
        BrokerProbe.requireReachable(settings, Duration.ofSeconds(3));
        List<RawRecord> out = new ArrayList<>();
        AtomicReference<Problem> problem = new AtomicReference<>();
        ConsumerOptions options = ConsumerOptions.DEFAULTS.withApiTimeout(Duration.ofSeconds(10));
        new PartitionTailer(ReadOnlyClients.consumer(settings, options), settings,
                new ReadRequest("orders", List.of(), new StartPosition.Beginning(), false), null, new RecordSink() {
                    @Override
                    public void planned(List<PartitionRange> ranges, io.mirrorscope.core.records.SeekPlan plan) {
                    }

                    @Override
                    public boolean accept(List<RawRecord> batch) {
                        out.addAll(batch);
                        return true;
                    }

                    @Override
                    public void finished(Problem p) {
                        problem.set(p);
                    }
                }).runHere();
        if (problem.get() != null) {
            throw new ProblemException(problem.get());
        }
        return out;
    }

    @Test
    void namesOnlyTheResolverKnowsReachTheBrokerWithTlsHostNamesVerified() throws Exception {
        assertThat(InetAddress.getByName(BROKER).getAddress()).isEqualTo(loopback2.getAddress());
        assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();  // others still delegate
        try (ReadOnlyAdmin admin = ReadOnlyClients.admin(tls(BOOTSTRAP), ConsumerOptions.DEFAULTS)) {
            assertThat(admin.describeCluster().brokers()).singleElement()
                    .satisfies(b -> assertThat(b.host()).isEqualTo(BROKER));
        }
        assertThat(read(tls(BOOTSTRAP))).hasSize(6);
    }

    @Test
    void aNameMissingFromTheCertificateFailsTheHostNameCheck() {
        String stranger = "stranger.amq-streams.svc";
        BrokerNames.register(stranger, loopback2);
        try {
            assertThatThrownBy(() -> read(tls(stranger))).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().title()).contains("TLS handshake failed")
                            .contains("does not name the host"));
        } finally {
            BrokerNames.unregister(stranger, loopback2);
        }
    }

    @Test
    void anUnknownNameIsAClearConnectionProblem() {
        assertThatThrownBy(() -> read(tls("europe-cluster-kafka-9.nowhere.invalid")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONNECTION);
                    assertThat(e.problem().title()).startsWith("Cannot reach the Kafka brokers");
                });
    }
}
