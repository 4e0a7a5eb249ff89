package io.mirrorscope.kafka.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.kafka.ClientAuth;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.Reads;
import io.mirrorscope.kafka.SecurityProtocol;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import io.mirrorscope.testsupport.FabricMockServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Port-forward end to end: fabric8's portForward talks WebSocket to a relay that speaks the Kubernetes port-forward
 * protocol in front of a real TLS broker; the broker advertises its in-cluster name, the resolver maps it to the
 * tunnel's 127.0.0.2, and the client consumes with host name verification on.
 */
@Tag("kafka")
class BrokerTunnelsTest {

    private static final String NS = "amq-streams";
    private static final String POD = "tunnel-cluster-kafka-0";
    private static final String BROKER = POD + ".tunnel-cluster-kafka-brokers." + NS + ".svc";
    private static final String BOOTSTRAP = "tunnel-cluster-kafka-bootstrap." + NS + ".svc";

    @Test
    void consumesThroughAPortForwardTunnelUnderTheAdvertisedName() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.builder("tunnel-cluster")
                .listener(KafkaListener.plain("ADMIN"))
                .listener(KafkaListener.mtls("TLS").advertising(BROKER))
                .brokerSans(List.of(BROKER, BOOTSTRAP))
                .start()) {
            kafka.createTopic("orders", 1);
            try (KafkaProducer<String, String> p = kafka.stringProducer()) {
                for (int i = 0; i < 5; i++) {
                    p.send(new ProducerRecord<>("orders", "k" + i, "through the tunnel " + i));
                }
            }
            int port = kafka.port("TLS");
            PortForwardRelay relay = new PortForwardRelay(Map.of(POD, new InetSocketAddress("127.0.0.1", port)));
            KubernetesMockServer api = FabricMockServer.start(relay);
            TestCa.IssuedCert user = kafka.issueUser("reader");
            try (KubernetesClient client = api.createClient();
                    BrokerTunnels tunnels = BrokerTunnels.open(client, NS,
                            List.of(BrokerTunnels.Broker.fromAdvertised(BROKER, port)), BOOTSTRAP, port)) {
                assertThat(tunnels.bootstrapServers()).isEqualTo(BOOTSTRAP + ":" + port);
                assertThat(tunnels.localAddresses()).singleElement()
                        .satisfies(a -> assertThat(a.getAddress().getHostAddress()).isEqualTo("127.0.0.2"));
                ConnectionSettings settings = new ConnectionSettings(tunnels.bootstrapServers(),
                        SecurityProtocol.SSL, kafka.clusterCa().certificatePem(),
                        new ClientAuth.TlsCertificate(user.chainPem(), user.privateKeyPkcs8Pem(), "CN=reader"), true,
                        "listener tls of tunnel-cluster through port-forward");
                List<RawRecord> records = Reads.readAll(settings, "orders", new StartPosition.Beginning(),
                        ConsumerOptions.DEFAULTS.withApiTimeout(Duration.ofSeconds(15)));
                assertThat(records).hasSize(5);
                assertThat(tunnels.isAlive()).isTrue();
            } finally {
                api.destroy();
            }
            assertThat(relay.requests).isNotEmpty().allSatisfy(r ->
                    assertThat(r).isEqualTo("GET /api/v1/namespaces/" + NS + "/pods/" + POD + "/portforward?ports="
                            + port));
            assertThat(BrokerNames.lookup(BROKER)).isEmpty();  // names go away with the tunnels
        }
    }
}
