package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mirrorscope.testkit.FreePorts;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import io.mirrorscope.testsupport.FabricMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mirrorscope records} end to end: a real broker (plain, mTLS, SCRAM-SHA-512) and a fabric8 mock API server
 * (CRUD) holding the Strimzi resources that point at it.
 */
@Tag("kafka")
class RecordsCommandTest {

    private static final String NS = "amq-streams";
    private static final String CLUSTER = "europe-cluster";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaTestCluster kafka;
    private static KubernetesMockServer api;
    private static Path kubeconfig;
    private static Path dir;
    private static TestCa.IssuedCert reader;
    private static final String SCRAM_PASSWORD = TestCa.randomPassword();

    record Run(int exit, String out, String err) {
        List<JsonNode> json() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.lines().toList()) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        }
    }

    @BeforeAll
    static void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        kafka = KafkaTestCluster.builder(CLUSTER)
                .listener(KafkaListener.plain("PLAIN"))
                .listener(KafkaListener.mtls("TLS"))
                .listener(KafkaListener.scram("SCRAM"))
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
        kafka.createTopic("orders", 2);
        kafka.createScramUser("alice", SCRAM_PASSWORD);
        reader = kafka.issueUser("reader");
        produce();

        api = FabricMockServer.start();
        try (KubernetesClient client = api.createClient()) {
            seed(client);
        }
        kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), """
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
                  context:
                    cluster: mock
                    user: u
                    namespace: %s
                current-context: mock
                """.formatted(api.getHostName(), api.getPort(), NS));
    }

    private static void produce() {
        Map<String, Object> cfg = new HashMap<>(kafka.clientConfig("PLAIN"));
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(cfg)) {
            for (int i = 0; i < 10; i++) {
                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>("orders", i % 2, 1_700_000_000_000L + i,
                        ("k-" + i).getBytes(StandardCharsets.UTF_8),
                        ("Hello world - " + i).getBytes(StandardCharsets.UTF_8));
                r.headers().add("traceparent", ("00-trace-" + i).getBytes(StandardCharsets.UTF_8));
                p.send(r);
            }
            p.send(new ProducerRecord<>("orders", 0, 1_700_000_000_100L, null, new byte[] {(byte) 0xff, 0, 1}));
            p.flush();
        }
    }

    private static ResourceDefinitionContext ctx(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("kafka.strimzi.io").withVersion("v1beta2")
                .withKind(kind).withPlural(plural).withNamespaced(true).build();
    }

    private static Map<String, String> b64(Map<String, byte[]> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, Base64.getEncoder().encodeToString(v)));
        return out;
    }

    private static Map<String, Object> listenerSpec(String name, String type, boolean tls, String auth) {
        Map<String, Object> l = new LinkedHashMap<>(Map.of("name", name, "port", 9092, "type", type, "tls", tls));
        if (auth != null) {
            l.put("authentication", Map.of("type", auth));
        }
        return l;
    }

    private static void seed(KubernetesClient client) {
        String ca = kafka.clusterCa().certificatePem();
        GenericKubernetesResource k = new GenericKubernetesResourceBuilder()
                .withApiVersion("kafka.strimzi.io/v1beta2").withKind("Kafka")
                .withNewMetadata().withName(CLUSTER).withNamespace(NS).endMetadata().build();
        k.setAdditionalProperty("spec", Map.of("kafka", Map.of("listeners", List.of(
                listenerSpec("plain", "internal", false, null),
                listenerSpec("tls", "internal", true, "tls"),
                listenerSpec("external", "nodeport", true, "scram-sha-512")))));
        k.setAdditionalProperty("status", Map.of("listeners", List.of(
                Map.of("name", "plain", "bootstrapServers", kafka.bootstrap("PLAIN")),
                Map.of("name", "tls", "bootstrapServers", kafka.bootstrap("TLS"), "certificates", List.of(ca)),
                Map.of("name", "external", "bootstrapServers", kafka.bootstrap("SCRAM"),
                        "certificates", List.of(ca)))));
        client.genericKubernetesResources(ctx("Kafka", "kafkas")).inNamespace(NS).resource(k).create();

        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata()
                .withName(CLUSTER + "-cluster-ca-cert").endMetadata()
                .withData(b64(Map.of("ca.crt", ca.getBytes(StandardCharsets.US_ASCII)))).build()).create();

        user(client, "writer", "tls", List.of(acl("orders", "Write", "Describe")));
        user(client, "reader", "tls", List.of(acl("orders", "Read", "Describe")));
        user(client, "alice", "scram-sha-512", List.of(acl("*", "Read")));
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("reader")
                .endMetadata().withData(b64(reader.strimziUserSecretData(TestCa.randomPassword()))).build()).create();
        TestCa.IssuedCert writer = kafka.issueUser("writer");
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("writer")
                .endMetadata().withData(b64(writer.strimziUserSecretData("pw"))).build()).create();
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("alice")
                .endMetadata().withData(b64(Map.of(
                        "password", SCRAM_PASSWORD.getBytes(StandardCharsets.UTF_8),
                        "sasl.jaas.config", KafkaTestCluster.scramJaasConfig("alice", SCRAM_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))).build()).create();
    }

    private static Map<String, Object> acl(String topic, String... ops) {
        return Map.of("resource", Map.of("type", "topic", "name", topic, "patternType", "literal"),
                "operations", List.of(ops), "host", "*");
    }

    private static void user(KubernetesClient client, String name, String auth, List<Map<String, Object>> acls) {
        GenericKubernetesResource u = new GenericKubernetesResourceBuilder()
                .withApiVersion("kafka.strimzi.io/v1beta2").withKind("KafkaUser")
                .withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(Map.of("strimzi.io/cluster", CLUSTER)).endMetadata().build();
        u.setAdditionalProperty("spec", Map.of("authentication", Map.of("type", auth),
                "authorization", Map.of("type", "simple", "acls", acls)));
        u.setAdditionalProperty("status", Map.of("secret", name, "username", name));
        client.genericKubernetesResources(ctx("KafkaUser", "kafkausers")).inNamespace(NS).resource(u).create();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.destroy();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Run run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString(), "records"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void clusterModeFindsTheTlsListenerCaAndTheReadingUser() throws Exception {
        Run r = run("--cluster", CLUSTER, "--topic", "orders", "--listener", "tls", "-o", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        List<JsonNode> records = r.json();
        assertThat(records).hasSize(11);
        JsonNode first = records.stream().filter(n -> "k-4".equals(n.get("key").asText())).findFirst().orElseThrow();
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("partition", "offset", "timestamp", "timestampType", "key", "value",
                "headers", "keyEncoding", "valueEncoding");
        assertThat(first.get("partition").asInt()).isZero();
        assertThat(first.get("offset").asLong()).isEqualTo(2);
        assertThat(first.get("timestamp").asLong()).isEqualTo(1_700_000_000_004L);
        assertThat(first.get("timestampType").asText()).isEqualTo("CreateTime");
        assertThat(first.get("value").asText()).isEqualTo("Hello world - 4");
        assertThat(first.get("headers").get("traceparent").asText()).isEqualTo("00-trace-4");
        assertThat(first.get("keyEncoding").asText()).isEqualTo("utf8");
        JsonNode binary = records.stream().filter(n -> n.get("key").isNull()).findFirst().orElseThrow();
        assertThat(binary.get("value").asText()).isEqualTo(Base64.getEncoder()
                .encodeToString(new byte[] {(byte) 0xff, 0, 1}));
        assertThat(binary.get("valueEncoding").asText()).isEqualTo("base64");
        assertThat(binary.get("keyEncoding").isNull()).isTrue();
    }

    @Test
    void defaultListenerIsTheExternalOneWithTheScramUser() throws Exception {
        Run r = run("--cluster", CLUSTER, "--topic", "orders", "-o", "json", "--last", "1", "--partition", "1");
        assertThat(r.err()).isEmpty();
        assertThat(r.json()).singleElement().satisfies(n -> {
            assertThat(n.get("value").asText()).isEqualTo("Hello world - 9");
            assertThat(n.get("partition").asInt()).isEqualTo(1);
        });
    }

    @Test
    void limitAndTimeAndTable() throws Exception {
        assertThat(run("--cluster", CLUSTER, "--topic", "orders", "-o", "json", "--limit", "3").json()).hasSize(3);
        assertThat(run("--cluster", CLUSTER, "--topic", "orders", "-o", "json", "--rate-limit", "1000",
                "--listener", "plain").json()).hasSize(11);
        assertThat(run("--cluster", CLUSTER, "--topic", "orders", "--rate-limit", "-1").exit()).isEqualTo(2);
        Run fromTime = run("--cluster", CLUSTER, "--topic", "orders", "-o", "json",
                "--from", "1700000000008", "--listener", "plain");
        assertThat(fromTime.json()).extracting(n -> n.get("value").asText())
                .containsExactlyInAnyOrder("Hello world - 8", "Hello world - 9", new String(Base64.getEncoder()
                        .encode(new byte[] {(byte) 0xff, 0, 1}), StandardCharsets.US_ASCII));
        Run table = run("--cluster", CLUSTER, "--topic", "orders", "--offset", "5", "--partition", "1",
                "--listener", "plain");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).isEmpty();  // offset 5 is the end of partition 1: nothing to print
        Run offset = run("--cluster", CLUSTER, "--topic", "orders", "--offset", "3", "--partition", "1",
                "--listener", "plain");
        assertThat(offset.out().lines().toList()).hasSize(3).first().asString().startsWith("P ");  // header, 3, 4
        assertThat(offset.out()).contains("Hello world - 7").contains("Hello world - 9");
    }

    @Test
    void manualFlagsWithPkcs1KeyAndWithScramPasswordFile() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.crt"), kafka.clusterCa().certificatePem());
        Path cert = Files.writeString(dir.resolve("user.crt"), reader.certificatePem());
        Path key = Files.writeString(dir.resolve("user.key"), reader.privateKeyPkcs1Pem());
        Run tls = run("--bootstrap", kafka.bootstrap("TLS"), "--ca", ca.toString(), "--cert", cert.toString(),
                "--key", key.toString(), "--topic", "orders", "-o", "json");
        assertThat(tls.err()).isEmpty();
        assertThat(tls.json()).hasSize(11);
        Path pw = Files.writeString(dir.resolve("pw"), SCRAM_PASSWORD + "\n");
        Run scram = run("--bootstrap", kafka.bootstrap("SCRAM"), "--ca", ca.toString(), "--sasl-mechanism",
                "SCRAM-SHA-512", "--sasl-username", "alice", "--sasl-password-file", pw.toString(),
                "--topic", "orders", "-o", "json", "--last", "2");
        assertThat(scram.json()).hasSize(4);
    }

    @Test
    void followPrintsNewRecordsUntilTheLimit() throws Exception {
        kafka.createTopic("live", 1);
        java.util.concurrent.CompletableFuture<Run> running = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> run("--bootstrap", kafka.bootstrap("PLAIN"), "--topic", "live", "--follow", "--limit", "2",
                        "-o", "json"));
        Map<String, Object> cfg = new HashMap<>(kafka.clientConfig("PLAIN"));
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(cfg)) {
            // the command starts at the end; keep writing, one record per poll, until it has printed its two
            int[] sent = {0};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                p.send(new ProducerRecord<>("live", ("live " + sent[0]++).getBytes(StandardCharsets.UTF_8))).get();
                return running.isDone();
            });
        }
        Run r = running.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.exit()).isZero();
        assertThat(r.json()).hasSize(2).allSatisfy(n -> assertThat(n.get("value").asText()).startsWith("live "));
    }

    private static void produceStrings(String topic, int partitions, int perPartition) throws Exception {
        try (KafkaProducer<String, String> p = kafka.stringProducer()) {
            for (int part = 0; part < partitions; part++) {
                for (int i = 0; i < perPartition; i++) {
                    p.send(new ProducerRecord<>(topic, part, "k" + i, "p" + part + "-" + i));
                }
            }
            p.flush();
        }
    }

    @Test
    void hostileKeysValuesAndHeadersAreEscapedInTheTableAndExactInJson() throws Exception {
        kafka.createTopic("hostile", 1);
        String key = "k\u001b]0;pwned\u0007";
        String value = "v\u001b[2J\r\b\u009b31m\u202eexe.txt\u0085";
        try (KafkaProducer<String, String> p = kafka.stringProducer()) {
            ProducerRecord<String, String> r = new ProducerRecord<>("hostile", key, value);
            r.headers().add("h\u001b[8m", "x\u001b]8;;http://evil\u0007".getBytes(StandardCharsets.UTF_8));
            p.send(r).get();
        }
        Run table = run("--bootstrap", kafka.bootstrap("PLAIN"), "--topic", "hostile");
        assertThat(table.exit()).isZero();
        assertThat(table.out().codePoints().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || Character.getType(c) == Character.FORMAT)).count()).as(table.out()).isZero();
        assertThat(table.out()).contains("k\\e]0;pwned\\x07", "v\\e[2J\\r\\x08\\u009b31m\\u202eexe.txt",
                "h\\e[8m=x\\e]8;;http://evil\\x07");
        Run json = run("--bootstrap", kafka.bootstrap("PLAIN"), "--topic", "hostile", "-o", "json");
        JsonNode n = json.json().getFirst();
        assertThat(n.get("key").asText()).isEqualTo(key);
        assertThat(n.get("value").asText()).isEqualTo(value);
    }

    @Test
    void lastCoversEveryPartitionAndALimitThatCutsSaysSo() throws Exception {
        kafka.createTopic("wide", 3);
        produceStrings("wide", 3, 60);
        Run last = run("--bootstrap", kafka.bootstrap("PLAIN"), "--topic", "wide", "--last", "40", "-o", "json");
        assertThat(last.exit()).isZero();
        assertThat(last.err()).isEmpty();
        assertThat(last.json()).hasSize(120);
        assertThat(last.json()).extracting(j -> j.get("partition").asInt()).containsOnly(0, 1, 2);

        Run cut = run("--bootstrap", kafka.bootstrap("PLAIN"), "--topic", "wide", "--last", "40", "--limit", "50",
                "-o", "json");
        assertThat(cut.json()).hasSize(50);
        assertThat(cut.err().strip()).isEqualTo("mirrorscope: stopped at --limit 50 (--last 40 over 3 partitions "
                + "asks for up to 120); more records remain: raise --limit, or 0 for no limit");

        Run byDefault = run("--bootstrap", kafka.bootstrap("PLAIN"), "--topic", "wide", "-o", "json");
        assertThat(byDefault.json()).hasSize(100);
        assertThat(byDefault.err()).contains("stopped at --limit 100;");
        Run all = run("--bootstrap", kafka.bootstrap("PLAIN"), "--topic", "wide", "-o", "json", "--limit", "0");
        assertThat(all.json()).hasSize(180);
        assertThat(all.err()).isEmpty();
    }

    @Test
    void followRunsPastTheDefaultLimitUntilInterrupted() throws Exception {
        kafka.createTopic("long", 1);
        produceStrings("long", 1, 150);
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(cli.execute("records", "--bootstrap", kafka.bootstrap("PLAIN"),
                "--topic", "long", "--follow", "--from-beginning", "-o", "json")));
        t.start();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> out.toString().lines().count() >= 150);
        assertThat(t.isAlive()).as("--follow keeps running after 150 records").isTrue();
        t.interrupt();
        t.join(java.time.Duration.ofSeconds(30));
        assertThat(t.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(out.toString().lines().count()).isEqualTo(150);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void userMistakesAndMissingRightsSayWhatIsWrong() {
        Run ghost = run("--cluster", CLUSTER, "--topic", "orders", "--user", "ghost", "--listener", "plain");
        assertThat(ghost.exit()).isEqualTo(4);
        assertThat(ghost.err().strip()).isEqualTo("mirrorscope: No KafkaUser ghost of Kafka " + CLUSTER
                + ": its KafkaUsers: alice, reader, writer — Name one of them with --user (KafkaUsers carry the "
                + "label strimzi.io/cluster)");

        Run noAcl = run("--cluster", CLUSTER, "--topic", "payments", "--listener", "tls");
        assertThat(noAcl.exit()).isEqualTo(3);
        assertThat(noAcl.err()).startsWith("mirrorscope: No KafkaUser of " + CLUSTER + " may read topic payments")
                .contains("checked writer, reader: their ACLs do not allow Read and Describe on payments")
                .doesNotContain("can authenticate");
    }

    @Test
    void brokersWithoutPodsAreAConnectionFailureNotAWrongName() {
        Run r = run("--cluster", CLUSTER, "--topic", "orders", "--listener", "plain", "--tunnel", "always");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("mirrorscope: Kafka " + CLUSTER + " has no running broker pods in namespace "
                + NS).contains("kubectl get pods -n " + NS + " -l strimzi.io/cluster=" + CLUSTER)
                .doesNotContain("Check the namespace");
    }

    @Test
    void failuresAreOneLineWithTheirExitCodes() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca2.crt"), kafka.clusterCa().certificatePem());
        Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
        Run auth = run("--bootstrap", kafka.bootstrap("SCRAM"), "--ca", ca.toString(), "--sasl-username", "alice",
                "--sasl-password-file", wrong.toString(), "--topic", "orders");
        assertThat(auth.exit()).isEqualTo(3);
        assertThat(auth.err().lines().toList()).singleElement().asString()
                .startsWith("mirrorscope: Authentication failed");

        Path otherCa = Files.writeString(dir.resolve("other.crt"), TestCa.clusterCa("x").certificatePem());
        Run tls = run("--bootstrap", kafka.bootstrap("SCRAM"), "--ca", otherCa.toString(), "--sasl-username",
                "alice", "--sasl-password-file", wrong.toString(), "--topic", "orders");
        assertThat(tls.exit()).isEqualTo(3);
        assertThat(tls.err()).contains("TLS handshake failed").contains("not signed by a trusted CA");

        Run down = run("--bootstrap", "127.0.0.1:" + FreePorts.pick(), "--topic", "orders");
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err().lines().toList()).singleElement().asString()
                .startsWith("mirrorscope: Cannot reach the Kafka brokers");

        assertThat(run("--cluster", "nope", "--topic", "orders").exit()).isEqualTo(4);
        assertThat(run("--cluster", CLUSTER, "--topic", "missing", "--listener", "plain", "--timeout", "5").exit())
                .isEqualTo(4);
        assertThat(run("--topic", "orders").exit()).isEqualTo(2);
    }
}
