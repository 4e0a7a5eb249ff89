package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mirrorscope.kafka.tunnel.BrokerNames;
import io.mirrorscope.kafka.tunnel.PortForwardRelay;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import io.mirrorscope.testsupport.FabricMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code records --cluster} when the only listener is internal: the command finds the broker pods, port-forwards
 * each (through a relay speaking the port-forward protocol in the mock API server) to 127.0.0.2, resolves the
 * advertised in-cluster names with the JEP 418 resolver, and reads over mTLS with host names verified. The CA comes
 * from the listener status (no cluster CA secret here) and the Kafka resource is v1.
 */
@Tag("kafka")
class RecordsTunnelTest {

    private static final String NS = "amq-streams";
    private static final String CLUSTER = "internal-cluster";
    private static final String POD = CLUSTER + "-kafka-0";
    private static final String BROKER = POD + "." + CLUSTER + "-kafka-brokers." + NS + ".svc";
    private static final String BOOTSTRAP = CLUSTER + "-kafka-bootstrap." + NS + ".svc";

    @Test
    void internalListenerIsReachedThroughPortForwardTunnels(@TempDir Path dir) throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.builder(CLUSTER)
                .listener(KafkaListener.plain("ADMIN"))
                .listener(KafkaListener.mtls("TLS").advertising(BROKER))
                .brokerSans(List.of(BROKER, BOOTSTRAP))
                .start()) {
            kafka.createTopic("orders", 1);
            try (KafkaProducer<String, String> p = kafka.stringProducer()) {
                for (int i = 0; i < 3; i++) {
                    p.send(new ProducerRecord<>("orders", "k" + i, "internal " + i));
                }
            }
            int port = kafka.port("TLS");
            PortForwardRelay relay = new PortForwardRelay(Map.of(POD, new InetSocketAddress("127.0.0.1", port)));
            KubernetesMockServer api = FabricMockServer.start(new KubernetesCrudDispatcher(List.of()) {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return request.getPath().contains("/portforward") ? relay.dispatch(request)
                            : super.dispatch(request);
                }
            });
            try {
                try (KubernetesClient client = api.createClient()) {
                    seed(client, kafka, port);
                }
                Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                        apiVersion: v1
                        kind: Config
                        clusters:
                        - name: mock
                          cluster:
                            server: http://%s:%d
                        users:
                        - name: u
                          user:
                            token: t
                        contexts:
                        - name: mock
                          context: {cluster: mock, user: u, namespace: %s}
                        current-context: mock
                        """.formatted(api.getHostName(), api.getPort(), NS));
                CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                cli.setOut(new PrintWriter(out));
                cli.setErr(new PrintWriter(err));
                int exit = cli.execute("--kubeconfig", kubeconfig.toString(), "records", "--cluster", CLUSTER,
                        "--topic", "orders", "-o", "json");
                assertThat(err.toString()).isEmpty();
                assertThat(exit).isZero();
                assertThat(out.toString().lines().toList()).hasSize(3).allSatisfy(l -> assertThat(l)
                        .contains("\"value\":\"internal "));
                assertThat(relay.requests).isNotEmpty().allMatch(r -> r.equals("GET /api/v1/namespaces/" + NS
                        + "/pods/" + POD + "/portforward?ports=" + port));
                assertThat(BrokerNames.lookup(BROKER)).isEmpty();
            } finally {
                api.destroy();
            }
        }
    }

    private static ResourceDefinitionContext ctx(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("kafka.strimzi.io").withVersion("v1")
                .withKind(kind).withPlural(plural).withNamespaced(true).build();
    }

    private static void seed(KubernetesClient client, KafkaTestCluster kafka, int port) {
        GenericKubernetesResource k = new GenericKubernetesResourceBuilder().withApiVersion("kafka.strimzi.io/v1")
                .withKind("Kafka").withNewMetadata().withName(CLUSTER).withNamespace(NS).endMetadata().build();
        k.setAdditionalProperty("spec", Map.of("kafka", Map.of("listeners", List.of(Map.of("name", "tls",
                "port", 9093, "type", "internal", "tls", true, "authentication", Map.of("type", "tls"))))));
        k.setAdditionalProperty("status", Map.of("listeners", List.of(Map.of("name", "tls",
                "bootstrapServers", BOOTSTRAP + ":" + port,
                "certificates", List.of(kafka.clusterCa().certificatePem())))));
        client.genericKubernetesResources(ctx("Kafka", "kafkas")).inNamespace(NS).resource(k).create();
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(POD)
                .withLabels(Map.of("strimzi.io/cluster", CLUSTER, "strimzi.io/broker-role", "true")).endMetadata()
                .build()).create();
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata()
                .withName(CLUSTER + "-entity-operator-5d8f")
                .withLabels(Map.of("strimzi.io/cluster", CLUSTER)).endMetadata().build()).create();
        GenericKubernetesResource u = new GenericKubernetesResourceBuilder().withApiVersion("kafka.strimzi.io/v1")
                .withKind("KafkaUser").withNewMetadata().withName("reader").withNamespace(NS)
                .withLabels(Map.of("strimzi.io/cluster", CLUSTER)).endMetadata().build();
        u.setAdditionalProperty("spec", Map.of("authentication", Map.of("type", "tls")));
        client.genericKubernetesResources(ctx("KafkaUser", "kafkausers")).inNamespace(NS).resource(u).create();
        TestCa.IssuedCert user = kafka.issueUser("reader");
        Map<String, String> data = new LinkedHashMap<>();
        user.strimziUserSecretData(TestCa.randomPassword())
                .forEach((key, v) -> data.put(key, Base64.getEncoder().encodeToString(v)));
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("reader")
                .endMetadata().withData(data).build()).create();
        assertThat(new String(Base64.getDecoder().decode(data.get("user.key")), StandardCharsets.US_ASCII))
                .contains("RSA PRIVATE KEY");
    }
}
