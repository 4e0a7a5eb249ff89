package io.mirrorscope.kafka.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
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
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three TLS brokers on 127.0.0.2, .3 and .4, each advertising its Strimzi pod name
 * ({@code europe-cluster-kafka-N.europe-cluster-kafka-brokers.amq-streams.svc}), which only the JEP 418 resolver
 * knows; each broker has its own certificate naming only itself. A topic has one partition led by each broker, so
 * reading all of it needs every name resolved to the right address and every host name check passed.
 */
@Tag("kafka")
class BrokerNameResolver3BrokersTest {

    private static final String NAME = "europe-cluster-kafka-{id}.europe-cluster-kafka-brokers.amq-streams.svc";
    private static final String BOOTSTRAP = "europe-cluster-kafka-bootstrap.amq-streams.svc";
    /** A second TLS listener with Strimzi's {@code useServiceDnsDomain} names; only brokers 0 and 1 get registered. */
    private static final String FQDN = NAME + ".cluster.local";
    private static final String TOPIC = "orders";
    private static final int BROKERS = 3;
    private static final int PER_PARTITION = 4;
    private static KafkaTestCluster kafka;
    private static TestCa.IssuedCert user;
    private static final List<InetAddress> ADDRESSES = new ArrayList<>();

    private static String broker(int id) {
        return NAME.replace("{id}", String.valueOf(id));
    }

    private static String fqdn(int id) {
        return FQDN.replace("{id}", String.valueOf(id));
    }

    @BeforeAll
    static void start() throws Exception {
        for (int id = 0; id < BROKERS; id++) {
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + id)});
            ADDRESSES.add(address);
            BrokerNames.register(broker(id), address);
            if (id < 2) {
                BrokerNames.register(fqdn(id), address);
            }
        }
        BrokerNames.register(BOOTSTRAP, ADDRESSES.getFirst());
        kafka = KafkaTestCluster.builder("europe-cluster")
                .bindHosts("127.0.0.2", "127.0.0.3", "127.0.0.4")
                .listener(KafkaListener.plain("ADMIN"))
                .listener(KafkaListener.mtls("TLS").advertising(NAME))
                .listener(KafkaListener.mtls("FQDN").advertising(FQDN))
                .brokerSans(List.of(BOOTSTRAP))
                .start();
        // replicas on all brokers, preferred (and at creation elected) leader of partition p is broker p
        Map<Integer, List<Integer>> assignment = new TreeMap<>();
        for (int p = 0; p < BROKERS; p++) {
            assignment.put(p, List.of(p, (p + 1) % BROKERS, (p + 2) % BROKERS));
        }
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, assignment))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = kafka.stringProducer()) {
            for (int p = 0; p < BROKERS; p++) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, "k" + i, "p" + p + "-" + i)).get(30, TimeUnit.SECONDS);
                }
            }
        }
        user = kafka.issueUser("reader");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        for (int id = 0; id < ADDRESSES.size(); id++) {
            BrokerNames.unregister(broker(id), ADDRESSES.get(id));
            BrokerNames.unregister(fqdn(id), ADDRESSES.get(id));
        }
        if (!ADDRESSES.isEmpty()) {
            BrokerNames.unregister(BOOTSTRAP, ADDRESSES.getFirst());
        }
    }

    private static ConnectionSettings tls(String host) {
        return tls(host, "TLS");
    }

    private static ConnectionSettings tls(String host, String listener) {
        return new ConnectionSettings(host + ":" + kafka.port(listener, 0), SecurityProtocol.SSL,
                kafka.clusterCa().certificatePem(),
                new ClientAuth.TlsCertificate(user.chainPem(), user.privateKeyPkcs8Pem(), "CN=reader"), true, null);
    }

    private static List<RawRecord> read(ConnectionSettings settings, List<Integer> partitions) {
        return read(settings, partitions, Duration.ofSeconds(10));
    }

    private static List<RawRecord> read(ConnectionSettings settings, List<Integer> partitions, Duration timeout) {
        BrokerProbe.requireReachable(settings, Duration.ofSeconds(3));
        List<RawRecord> out = new ArrayList<>();
        AtomicReference<Problem> problem = new AtomicReference<>();
        ConsumerOptions options = ConsumerOptions.DEFAULTS.withApiTimeout(timeout);
        new PartitionTailer(ReadOnlyClients.consumer(settings, options), settings,
                new ReadRequest(TOPIC, partitions, new StartPosition.Beginning(), false), null, new RecordSink() {
                    @Override
                    public void planned(List<PartitionRange> ranges, SeekPlan plan) {
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

    private static List<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        return certificate.getSubjectAlternativeNames().stream().filter(san -> (Integer) san.get(0) == 2)
                .map(san -> (String) san.get(1)).toList();
    }

    @Test
    void everyPartitionIsReadFromItsOwnBrokerThroughResolverOnlyNamesWithTlsHostNamesVerified() throws Exception {
        for (int id = 0; id < BROKERS; id++) {
            assertThat(InetAddress.getByName(broker(id))).isEqualTo(ADDRESSES.get(id));
            // each certificate names its own broker only: a name resolved to the wrong broker fails the TLS check
            int self = id;
            assertThat(dnsNames(kafka.brokerCertificate(id).certificate())).contains(broker(id), BOOTSTRAP)
                    .doesNotContainAnyElementsOf(IntStream.range(0, BROKERS).filter(o -> o != self)
                            .mapToObj(BrokerNameResolver3BrokersTest::broker).toList());
        }
        ConnectionSettings settings = tls(BOOTSTRAP);
        try (ReadOnlyAdmin admin = ReadOnlyClients.admin(settings, ConsumerOptions.DEFAULTS)) {
            assertThat(admin.describeCluster().brokers())
                    .extracting(ReadOnlyAdmin.Broker::id, ReadOnlyAdmin.Broker::host)
                    .containsExactlyInAnyOrder(tuple(0, broker(0)),
                            tuple(1, broker(1)),
                            tuple(2, broker(2)));
            TopicDescription orders = admin.describeTopics(List.of(TOPIC)).get(TOPIC);
            // the consumer fetches from the leader only (no client.rack), so partition p's records came from broker p
            assertThat(orders.partitions()).extracting(TopicPartitionInfo::partition, i -> i.leader().host())
                    .containsExactly(tuple(0, broker(0)),
                            tuple(1, broker(1)),
                            tuple(2, broker(2)));
        }
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        for (RawRecord r : read(settings, List.of())) {
            byPartition.computeIfAbsent(r.partition(), k -> new ArrayList<>())
                    .add(new String(r.value(), StandardCharsets.UTF_8));
        }
        assertThat(byPartition).containsOnlyKeys(0, 1, 2);
        for (int p = 0; p < BROKERS; p++) {
            assertThat(byPartition.get(p)).containsExactly("p" + p + "-0", "p" + p + "-1", "p" + p + "-2",
                    "p" + p + "-3");
        }
    }

    @Test
    void aBrokerWhoseNameTheResolverDoesNotKnowCannotServeItsPartition() {
        // (a fresh name rather than unregistering one: the JDK caches successful look-ups for 30 s)
        assertThat(read(tls(BOOTSTRAP, "FQDN"), List.of(0, 1))).hasSize(2 * PER_PARTITION);
        // the bootstrap answers, but partition 2's leader is advertised under a name nobody resolves
        assertThatThrownBy(() -> read(tls(BOOTSTRAP, "FQDN"), List.of(2), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONNECTION);
                    assertThat(e.problem().title()).startsWith("No answer from the Kafka brokers");
                    assertThat(e.problem().hint()).contains("advertised broker addresses");
                });
    }

    @Test
    void anUnregisteredBootstrapNameIsAClearConnectionProblem() {
        assertThatThrownBy(() -> read(tls("asia-cluster-kafka-bootstrap.amq-streams.svc"), List.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONNECTION);
                    assertThat(e.problem().title()).startsWith("Cannot reach the Kafka brokers");
                });
    }
}
