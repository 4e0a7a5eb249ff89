package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mirrorscope.testsupport.OracleTools;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One sandbox (Strimzi v1beta2) for the class: flow, traces, Jaeger API, Kubernetes API, kubectl. */
@Tag("sandbox")
class SandboxTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void recordsFlowFromEuropeToUsWithinSeconds() {
        List<ConsumerRecord<String, String>> target = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            target.clear();
            target.addAll(SandboxProbe.readAll(sandbox.us().clientConfig(Sandbox.PLAIN), Sandbox.TARGET_TOPIC));
            assertThat(target).hasSizeGreaterThanOrEqualTo(24);
        });
        assertThat(target).allSatisfy(r -> assertThat(r.value()).matches("Hello world - \\d+"));
        assertThat(target.stream().map(ConsumerRecord::partition).distinct().count()).isGreaterThan(1);
        assertThat(target).allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).isNotNull());
        assertThat(sandbox.consumed()).isPositive();
        assertThat(sandbox.produced()).isGreaterThanOrEqualTo(target.size());
    }

    @Test
    void aTargetRecordsTraceHoldsProducerMirrorAndConsumerSpans() throws Exception {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> SandboxProbe.readAll(sandbox.us().clientConfig(Sandbox.PLAIN), Sandbox.TARGET_TOPIC)
                        .stream().findFirst().orElse(null), r -> r != null);
        Header traceparent = record.headers().lastHeader("traceparent");
        String traceId = new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];

        JsonNode trace = await().atMost(Duration.ofSeconds(20)).until(() -> {
            SandboxProbe.Response response = SandboxProbe.get(sandbox.jaegerUrl() + "/api/traces/" + traceId);
            return response.status() == 200 ? response.body() : null;
        }, body -> body != null && services(body.get("data").get(0)).size() == 3);

        assertThat(trace.get("total").asInt()).isZero();
        assertThat(trace.get("errors").isNull()).isTrue();
        JsonNode data = trace.get("data").get(0);
        assertThat(data.get("traceID").asText()).isEqualTo(traceId);
        assertThat(services(data)).containsExactlyInAnyOrder("hello-world-producer", "my-mirror-maker2",
                "hello-world-consumer");
        List<String> operations = new ArrayList<>();
        Set<String> spanIds = new HashSet<>();
        data.get("spans").forEach(span -> {
            operations.add(span.get("operationName").asText());
            spanIds.add(span.get("spanID").asText());
            assertThat(span.get("traceID").asText()).isEqualTo(traceId);
            // microseconds since the epoch, and now-ish
            assertThat(span.get("startTime").asLong()).isBetween(System.currentTimeMillis() * 1000 - 600_000_000L,
                    System.currentTimeMillis() * 1000 + 1_000_000L);
            assertThat(data.get("processes").has(span.get("processID").asText())).isTrue();
        });
        assertThat(operations).containsExactly("To_my-topic", "From_my-topic", "To_europe-cluster.my-topic",
                "From_europe-cluster.my-topic");
        int roots = 0;
        for (JsonNode span : data.get("spans")) {
            if (span.get("references").isEmpty()) {
                roots++;
            } else {
                JsonNode ref = span.get("references").get(0);
                assertThat(ref.get("refType").asText()).isEqualTo("CHILD_OF");
                assertThat(spanIds).contains(ref.get("spanID").asText());
            }
        }
        assertThat(roots).isEqualTo(1);
    }

    @Test
    void jaegerQueryApiAnswersLikeJaeger() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                SandboxProbe.get(sandbox.jaegerUrl() + "/api/services").body().get("data"))
                .hasSize(3));
        SandboxProbe.Response services = SandboxProbe.get(sandbox.jaegerUrl() + "/api/services");
        assertThat(services.body().get("total").asInt()).isEqualTo(3);

        SandboxProbe.Response operations = SandboxProbe.get(sandbox.jaegerUrl()
                + "/api/services/hello-world-consumer/operations");
        assertThat(operations.body().get("data").get(0).asText()).isEqualTo("From_europe-cluster.my-topic");

        SandboxProbe.Response search = SandboxProbe.get(sandbox.jaegerUrl()
                + "/api/traces?service=hello-world-consumer&lookback=1h&limit=3");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().get("data").size()).isBetween(1, 3);
        search.body().get("data").forEach(trace -> assertThat(services(trace)).contains("hello-world-consumer"));

        SandboxProbe.Response missing = SandboxProbe.get(sandbox.jaegerUrl() + "/api/traces/00000000000000ff");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/plain");
        assertThat(missing.body().get("errors").get(0).get("msg").asText()).isEqualTo("trace not found");
    }

    @Test
    void kubectlListsTheKafkasThroughTheSandboxKubeconfig() throws Exception {
        Process kubectl = new ProcessBuilder(OracleTools.require(OracleTools.KUBECTL).toString(), "--kubeconfig",
                sandbox.kubeconfig().toString(),
                "get", "kafkas", "-n", "amq-streams", "-o", "name").redirectErrorStream(false).start();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(err).isZero();
        assertThat(out.lines()).containsExactlyInAnyOrder("kafka.kafka.strimzi.io/europe-cluster",
                "kafka.kafka.strimzi.io/us-cluster");
        assertThat(Files.readString(sandbox.kubeconfig())).contains("current-context: sandbox",
                "namespace: amq-streams", "certificate-authority-data:", "token:");
    }

    @Test
    void kafkaStatusAndSecretsLetAClientReachTheRealBroker() throws Exception {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build()) {
            GenericKubernetesResource kafka = client.genericKubernetesResources("kafka.strimzi.io/v1beta2", "Kafka")
                    .inNamespace("amq-streams").withName("europe-cluster").get();
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) kafka.getAdditionalProperties().get("status");
            @SuppressWarnings("unchecked")
            Map<String, Object> tls = ((List<Map<String, Object>>) status.get("listeners")).stream()
                    .filter(l -> "tls".equals(l.get("name"))).findFirst().orElseThrow();
            assertThat(tls.get("bootstrapServers")).isEqualTo(sandbox.europe().bootstrap(Sandbox.TLS));

            Secret caSecret = client.secrets().inNamespace("amq-streams").withName("europe-cluster-cluster-ca-cert")
                    .get();
            String caPem = decode(caSecret.getData().get("ca.crt"));
            assertThat(tls.get("certificates")).isEqualTo(List.of(caPem));
            Secret user = client.secrets().inNamespace("amq-streams").withName("my-europe-user").get();
            assertThat(user.getData()).containsKeys("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
            String userKey = decode(user.getData().get("user.key"));
            assertThat(userKey).startsWith("-----BEGIN RSA PRIVATE KEY-----");

            // what a product does: PKCS#1 -> PKCS#8, then connect to the TLS listener with the secrets' PEMs
            Map<String, Object> config = Map.of("bootstrap.servers", tls.get("bootstrapServers"),
                    "security.protocol", "SSL", "ssl.truststore.type", "PEM", "ssl.truststore.certificates", caPem,
                    "ssl.keystore.type", "PEM", "ssl.keystore.certificate.chain",
                            decode(user.getData().get("user.crt")),
                    "ssl.keystore.key", pkcs8(userKey), "default.api.timeout.ms", 30_000);
            try (Admin admin = Admin.create(config)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("my-topic");
            }
        }
    }

    @Test
    void mirrorMaker2StatusCarriesTheRealConnectorStates() {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                GenericKubernetesResource mm2 = client.genericKubernetesResources("kafka.strimzi.io/v1beta2",
                        "KafkaMirrorMaker2").inNamespace("amq-streams").withName("my-mirror-maker2").get();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> connectors = (List<Map<String, Object>>) ((Map<String, Object>) mm2
                        .getAdditionalProperties().get("status")).get("connectors");
                assertThat(connectors).extracting(c -> c.get("name")).contains(
                        "europe-cluster->us-cluster.MirrorSourceConnector");
                assertThat(connectors).allSatisfy(c -> assertThat(c.get("connector").toString())
                        .contains("state=RUNNING"));
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void kubectlAuthCanIIsAnsweredLikeARealServerForTheAdminToken() throws Exception {
        Process kubectl = new ProcessBuilder(OracleTools.require(OracleTools.KUBECTL).toString(), "--kubeconfig",
                sandbox.kubeconfig().toString(),
                "auth", "can-i", "list", "secrets", "-n", "amq-streams").start();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(err).isEqualTo("yes");
    }

    @Test
    void faultSwitchesAnswerOverHttpForTheAppsSandboxMenu() throws Exception {
        SandboxProbe.Response state = SandboxProbe.get(sandbox.controlUrl());
        assertThat(state.body().get("faults").get("mirrorPaused").asBoolean()).isFalse();
        assertThat(state.body().get("targetTopic").asText()).isEqualTo("us-cluster/europe-cluster.my-topic");

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> drop = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sandbox.controlUrl() + "/faults"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("drop-every=1000000")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(drop.statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().dropEvery()).isEqualTo(1_000_000);
        java.net.http.HttpResponse<String> bad = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sandbox.controlUrl() + "/faults"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("explode")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad fault 'explode'");
        sandbox.faults().dropEveryKth(0);
    }

    private static Set<String> services(JsonNode trace) {
        Set<String> names = new HashSet<>();
        trace.get("processes").forEach(p -> names.add(p.get("serviceName").asText()));
        return names;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }

    private static String pkcs8(String pkcs1) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pkcs1))) {
            PrivateKeyInfo info = ((PEMKeyPair) parser.readObject()).getPrivateKeyInfo();
            java.io.StringWriter out = new java.io.StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new JcaPKCS8Generator(new JcaPEMKeyConverter().getPrivateKey(info), null));
            }
            return out.toString();
        }
    }
}
