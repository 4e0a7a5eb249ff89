package io.mirrorscope.kube.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mirrorscope.core.inventory.Listener;
import io.mirrorscope.kafka.StrimziClusterReader;
import io.mirrorscope.kafka.StrimziConnections;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.MockApiServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one listener parser, for every shape Strimzi has written, and the kafka adapter's reader agreeing with the
 * inventory about {@code tls} (it used to have its own parser, which disagreed where the spec does not say).
 */
class StrimziListenersTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CERT = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----";
    private static MockApiServer api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        api = new MockApiServer();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** apiVersion, spec.kafka, status, and the expected (name, type, tls, authentication) of each listener. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("v1beta1", "v1beta1 map form (Strimzi < 0.20)", """
                        listeners:
                          plain: {}
                          tls: {authentication: {type: tls}}
                          external: {type: route}
                        """, """
                        listeners:
                        - {type: plain, bootstrapServers: "c-kafka-bootstrap:9092"}
                        - {type: tls, bootstrapServers: "c-kafka-bootstrap:9093", certificates: ["%1$s"]}
                        - {type: external, bootstrapServers: "c.apps.test:443", certificates: ["%1$s"]}
                        """, List.of(tuple("plain", "internal", false, null), tuple("tls", "internal", true, "tls"),
                        tuple("external", "route", true, null))),
                Arguments.of("v1beta1", "v1beta1 map form, external without TLS", """
                        listeners:
                          external: {type: nodeport, tls: false, authentication: {type: scram-sha-512}}
                        """, """
                        listeners:
                        - {type: external, bootstrapServers: "10.0.0.1:31000"}
                        """, List.of(tuple("external", "nodeport", false, "scram-sha-512"))),
                Arguments.of("v1beta2", "v1beta2 array form", """
                        listeners:
                        - {name: plain, port: 9092, type: internal, tls: false}
                        - {name: tls, port: 9093, type: internal, tls: true, authentication: {type: tls}}
                        - {name: ext, port: 9094, type: loadbalancer, tls: true}
                        """, """
                        listeners:
                        - {name: plain, type: plain, bootstrapServers: "c-kafka-bootstrap:9092"}
                        - {name: tls, type: tls, bootstrapServers: "c-kafka-bootstrap:9093", certificates: ["%1$s"]}
                        - {name: ext, type: ext, bootstrapServers: "1.2.3.4:9094", certificates: ["%1$s"]}
                        """, List.of(tuple("plain", "internal", false, null), tuple("tls", "internal", true, "tls"),
                        tuple("ext", "loadbalancer", true, null))),
                Arguments.of("v1", "v1 with tls", """
                        listeners:
                        - {name: plain, port: 9092, type: internal, tls: false}
                        - {name: secure, port: 9093, type: cluster-ip, tls: true, authentication: {type: tls}}
                        """, """
                        listeners:
                        - {name: plain, bootstrapServers: "c-kafka-bootstrap:9092"}
                        - {name: secure, bootstrapServers: "c-kafka-secure-bootstrap:9093", certificates: ["%1$s"]}
                        """, List.of(tuple("plain", "internal", false, null),
                        tuple("secure", "cluster-ip", true, "tls"))),
                Arguments.of("v1", "v1 without tls: the status' certificates decide", """
                        listeners:
                        - {name: route, port: 9094, type: route}
                        - {name: internal, port: 9095, type: internal}
                        """, """
                        listeners:
                        - {name: route, bootstrapServers: "c-route.apps.test:443", certificates: ["%1$s"]}
                        - {name: internal, bootstrapServers: "c-kafka-bootstrap:9095"}
                        """, List.of(tuple("route", "route", true, null), tuple("internal", "internal", false,
                        null))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("shapes")
    void theParserAndTheKafkaReaderAgree(String version, String name, String kafkaYaml, String statusYaml,
                                         List<org.assertj.core.groups.Tuple> expected) throws Exception {
        Map<String, Object> kafka = yaml(kafkaYaml);
        Map<String, Object> status = yaml(statusYaml.formatted(CERT));

        List<Listener> parsed = StrimziMapper.listeners(kafka, status);
        assertThat(parsed).extracting(Listener::name, l -> l.type() == null ? "internal" : l.type(), Listener::tls,
                Listener::authentication).containsExactlyElementsOf(expected);

        String cluster = "c-" + version + "-" + Math.abs(name.hashCode());
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion("kafka.strimzi.io/" + version);
        resource.setKind("Kafka");
        resource.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(cluster)
                .withNamespace("kafka").build());
        resource.setAdditionalProperty("spec", Map.of("kafka", kafka));
        resource.setAdditionalProperty("status", status);
        api.seedClient().genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup("kafka.strimzi.io").withVersion(version).withKind("Kafka").withPlural("kafkas")
                .withNamespaced(true).build()).inNamespace("kafka").resource(resource).create();
        try (KubeSession session = KubeSession.open(Kubeconfig.load(api.kubeconfig(dir, "k", "kafka", "token: t"),
                null, dir), null, null)) {
            List<StrimziConnections.Listener> read = new StrimziClusterReader(session.client(), "kafka")
                    .listeners(cluster);
            assertThat(read).extracting(StrimziConnections.Listener::name, StrimziConnections.Listener::type,
                    StrimziConnections.Listener::tls, StrimziConnections.Listener::authentication)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static Map<String, Object> yaml(String text) throws Exception {
        return YAML.readValue(text, new TypeReference<>() {
        });
    }
}
