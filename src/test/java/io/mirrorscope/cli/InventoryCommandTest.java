package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.inventory.InventoryFixtures;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.testsupport.MockKubeconfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mirrorscope inventory} end to end: kubeconfig → session → mock API server → JSON and table. */
class InventoryCommandTest {

    static StrimziMockServer server;
    @TempDir
    static Path dir;
    static Path kubeconfig;

    @BeforeAll
    static void setUp() throws IOException {
        server = CliRunner.seedServer(CliRunner.READY_KAFKAS);
        // Same mirror in a second namespace, pointing at the first namespace's clusters by full service name.
        server.create("dr", InventoryFixtures.yaml("""
                apiVersion: kafka.strimzi.io/v1beta1
                kind: KafkaMirrorMaker
                metadata: {name: dr-mirror}
                spec:
                  consumer: {bootstrapServers: "us-cluster-kafka-bootstrap.amq-streams.svc:9093"}
                  producer: {bootstrapServers: "backup.example.com:9093"}
                  whitelist: "my-.*"
                """));
        kubeconfig = MockKubeconfig.write(dir.resolve("config"), server.client().getMasterUrl());
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private final CliRunner cli = new CliRunner();

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        assertThat(cli.run("--kubeconfig", kubeconfig.toString(), "inventory", "-o", "json")).isZero();
        assertThat(cli.err()).isEmpty();
        JsonNode root = JsonMapper.builder().build().readTree(cli.out());
        assertThat(root.get("context").asText()).isEqualTo("seed");
        assertThat(root.get("namespaces").toString()).isEqualTo("[\"amq-streams\"]");
        JsonNode europe = root.get("clusters").get(0);
        assertThat(europe.get("name").asText()).isEqualTo("europe-cluster");
        assertThat(europe.get("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta1");
        assertThat(europe.get("ready").asBoolean()).isTrue();
        assertThat(europe.get("metadataMode").asText()).isEqualTo("ZooKeeper");
        assertThat(europe.get("brokers").asInt()).isEqualTo(3);
        assertThat(europe.get("listeners").get(1).get("tls").asBoolean()).isTrue();
        assertThat(europe.get("listeners").get(1).has("bootstrapServers")).isTrue();
        JsonNode link = root.get("mirrors").get(0).get("links").get(0);
        assertThat(root.get("mirrors").get(0).get("kind").asText()).isEqualTo("KafkaMirrorMaker");
        assertThat(link.get("sourceCluster").asText()).isEqualTo("europe-cluster");
        assertThat(link.get("targetCluster").asText()).isEqualTo("us-cluster");
        assertThat(link.get("sourceBootstrap").asText()).isEqualTo("europe-cluster-kafka-bootstrap:9093");
        assertThat(link.get("topics").asText()).isEqualTo(".*");
        assertThat(link.get("targetTopicPrefix").asText()).isEmpty();
        assertThat(root.get("topics").get(0).get("partitions").asInt()).isEqualTo(12);
        assertThat(root.get("users")).hasSize(2);
        assertThat(root.get("tracing").get(0).get("queryService").asText()).isEqualTo("my-jaeger-query");
        assertThat(root.get("tracing").get(0).get("queryUrl").isNull()).isTrue();
        assertThat(root.has("problems")).isTrue();
        assertThat(root.get("kinds").get("Kafka").get("version").asText()).isEqualTo("v1beta1");
        assertThat(root.get("kinds").get("KafkaNodePool").get("state").asText()).isEqualTo("NOT_SERVED");
    }

    @Test
    void allNamespacesSortsByNamespaceAndNamesExternalTargetsAsNull() throws IOException {
        assertThat(cli.run("--kubeconfig", kubeconfig.toString(), "inventory", "-A", "-o", "json")).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(cli.out());
        assertThat(root.get("namespaces").toString()).isEqualTo("[\"amq-streams\",\"dr\"]");
        JsonNode mirrors = root.get("mirrors");
        assertThat(mirrors.get(0).get("namespace").asText()).isEqualTo("amq-streams");
        assertThat(mirrors.get(1).get("name").asText()).isEqualTo("dr-mirror");
        JsonNode link = mirrors.get(1).get("links").get(0);
        assertThat(link.get("sourceCluster").asText()).isEqualTo("us-cluster");
        assertThat(link.get("targetCluster").isNull()).isTrue();
        assertThat(link.get("targetBootstrap").asText()).isEqualTo("backup.example.com:9093");
    }

    @Test
    void tableIsCompactAndNamesTheLink() {
        assertThat(cli.run("--kubeconfig", kubeconfig.toString(), "inventory")).isZero();
        assertThat(cli.out())
                .contains("KAFKA CLUSTERS (2)")
                .containsPattern("amq-streams\\s+europe-cluster\\s+yes\\s+2\\.4\\.0\\s+ZooKeeper\\s+3")
                .contains("europe-cluster -> us-cluster")
                .contains("TRACING (1)");
    }

    @Test
    void unreachableServerIsExitThreeWithOneLine() throws IOException {
        Path bad = dir.resolve("bad");
        Files.writeString(bad, Files.readString(kubeconfig).replace(server.client().getMasterUrl().toString(),
                "http://127.0.0.1:1/"));
        assertThat(cli.run("--kubeconfig", bad.toString(), "inventory")).isEqualTo(3);
        assertThat(cli.err()).startsWith("mirrorscope: Cannot reach the Kubernetes API server")
                .doesNotContain("\tat ");
    }

    @Test
    void everyStrimziKindForbiddenIsExitThree() throws IOException {
        io.mirrorscope.kube.inventory.FaultInjectingDispatcher dispatcher =
                new io.mirrorscope.kube.inventory.FaultInjectingDispatcher();
        try (StrimziMockServer denied = new StrimziMockServer(dispatcher).strimziV1beta2()) {
            for (ResourceKind k : ResourceKind.values()) {
                if (k.group().equals("kafka.strimzi.io")) {
                    dispatcher.forbidden.add(k.plural());
                }
            }
            Path config = dir.resolve("denied");
            Files.writeString(config, Files.readString(kubeconfig).replace(server.client().getMasterUrl().toString(),
                    denied.client().getMasterUrl().toString()));
            assertThat(cli.run("--kubeconfig", config.toString(), "inventory")).isEqualTo(3);
            assertThat(cli.err()).startsWith("mirrorscope: You may not list Strimzi resources in namespace")
                    .contains("cannot list resource");
        }
    }

    @Test
    void everyReadFailingIsExitThreeNotAnEmptyInventory() throws IOException {
        io.mirrorscope.kube.inventory.FaultInjectingDispatcher dispatcher =
                new io.mirrorscope.kube.inventory.FaultInjectingDispatcher();
        try (StrimziMockServer broken = new StrimziMockServer(dispatcher).strimziV1beta2()) {
            for (ResourceKind k : ResourceKind.values()) {
                dispatcher.failing.add(k.plural());
            }
            Path config = dir.resolve("failing");
            Files.writeString(config, Files.readString(kubeconfig).replace(server.client().getMasterUrl().toString(),
                    broken.client().getMasterUrl().toString()));
            assertThat(cli.run("--kubeconfig", config.toString(), "inventory")).isEqualTo(3);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err().strip()).doesNotContain("\n")
                    .startsWith("mirrorscope: Every read failed in namespace [amq-streams]");
        }
    }

    @Test
    void hostileResourceFieldsAreEscapedInTheTable() throws IOException {
        try (StrimziMockServer hostile = new StrimziMockServer().strimziV1beta2()) {
            hostile.create("amq-streams", InventoryFixtures.yaml("""
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaMirrorMaker2
                    metadata: {name: evil}
                    spec:
                      connectCluster: us
                      clusters:
                        - {alias: europe, bootstrapServers: "europe:9092\\u001b]0;pwned\\u0007"}
                        - {alias: us, bootstrapServers: "us:9092"}
                      mirrors:
                        - sourceCluster: europe
                          targetCluster: us
                          topicsPattern: "orders\\u001b[2J\\r\\b\\u009b\\u202e.*"
                    """));
            hostile.create("amq-streams", InventoryFixtures.yaml("""
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaTopic
                    metadata: {name: t1, labels: {strimzi.io/cluster: "us\\u001b[8m"}}
                    spec: {partitions: 1, replicas: 1, topicName: "topic\\u0007\\u202e"}
                    """));
            Path config = dir.resolve("hostile");
            Files.writeString(config, Files.readString(kubeconfig).replace(server.client().getMasterUrl().toString(),
                    hostile.client().getMasterUrl().toString()));
            assertThat(cli.run("--kubeconfig", config.toString(), "inventory")).isZero();
            String table = cli.out();
            assertThat(table.codePoints().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)
                    || Character.getType(c) == Character.FORMAT)).count()).as(table).isZero();
            assertThat(table).contains("orders\\e[2J\\r\\x08\\u009b\\u202e.*", "us\\e[8m");
        }
    }

    @Test
    void namespaceAndAllNamespacesTogetherIsUsage() {
        assertThat(cli.run("--kubeconfig", kubeconfig.toString(), "inventory", "-A", "-n", "x")).isEqualTo(2);
    }
}
