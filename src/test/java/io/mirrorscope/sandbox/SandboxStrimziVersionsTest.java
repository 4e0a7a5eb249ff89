package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorscope.testsupport.OracleTools;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed's original v1beta1 world (KafkaMirrorMaker, topic names kept) and the Strimzi 1.x v1 shapes, each seen
 * through kubectl and a plain consumer. One sandbox per version.
 */
@Tag("sandbox")
class SandboxStrimziVersionsTest {

    /** Also checks that closing releases the ports, the temp directories and the sandbox's threads. */
    @Test
    void v1beta1ServesTheSeedsResourcesWithAKafkaMirrorMaker() throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        List<Integer> ports = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults()
                .withStrimziApi(SandboxOptions.StrimziApi.V1BETA1))) {
            ports.addAll(List.of(sandbox.europe().port(Sandbox.PLAIN), sandbox.europe().port(Sandbox.TLS),
                    sandbox.us().port(Sandbox.PLAIN), sandbox.us().port(Sandbox.TLS),
                    port(sandbox.jaegerUrl()), port(sandbox.kube().serverUrl()), port(sandbox.controlUrl())));
            files.add(sandbox.kubeconfig());
            String kubeconfig = sandbox.kubeconfig().toString();
            assertThat(kubectl(kubeconfig, "get", "kafka", "europe-cluster", "-o",
                    "jsonpath={.apiVersion} {.spec.kafka.listeners.tls.authentication.type} "
                            + "{.status.listeners[*].type} {.status.listeners[1].bootstrapServers}"))
                    .isEqualTo("kafka.strimzi.io/v1beta1 tls plain tls " + sandbox.europe().bootstrap(Sandbox.TLS));
            assertThat(kubectl(kubeconfig, "get", "kafkamirrormakers", "-o", "jsonpath={.items[*].metadata.name} "
                    + "{.items[0].spec.whitelist} {.items[0].spec.consumer.bootstrapServers}"))
                    .isEqualTo("my-mirror-maker .* europe-cluster-kafka-bootstrap:9093");
            assertThat(kubectl(kubeconfig, "api-resources", "--api-group=kafka.strimzi.io", "-o", "name"))
                    .doesNotContain("kafkamirrormaker2s").contains("kafkamirrormakers.kafka.strimzi.io");
            // MirrorMaker 1 kept topic names: the sandbox mirrors my-topic to us-cluster/my-topic
            assertThat(sandbox.targetTopic()).isEqualTo("my-topic");
            await().atMost(Duration.ofSeconds(30)).until(() -> SandboxProbe.readAll(
                    sandbox.us().clientConfig(Sandbox.PLAIN), "my-topic").size() >= 10);
            // the seed's Jaeger clients: uber-trace-id (hex without leading zeros), one trace per record
            var target = SandboxProbe.readAll(sandbox.us().clientConfig(Sandbox.PLAIN), "my-topic").getFirst();
            assertThat(target.headers().lastHeader("traceparent")).isNull();
            String uber = new String(target.headers().lastHeader("uber-trace-id").value(), StandardCharsets.UTF_8);
            assertThat(uber).matches("[0-9a-f]{1,32}:[0-9a-f]{1,16}:0:1");
            String traceId = "0".repeat(32 - uber.split(":")[0].length()) + uber.split(":")[0];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode trace = SandboxProbe.get(sandbox.jaegerUrl() + "/api/traces/" + traceId).body()
                        .get("data").get(0);
                Set<String> services = new HashSet<>();
                trace.get("processes").forEach(p -> services.add(p.get("serviceName").asText()));
                assertThat(services).containsExactlyInAnyOrder("hello-world-producer", "my-mirror-maker",
                        "hello-world-consumer");
            });
        }
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 1000))
                        .as("port %d released", port).isInstanceOf(IOException.class);
            }
        }
        assertThat(files).allSatisfy(file -> assertThat(file).doesNotExist());
        // threads the sandbox started are gone (a few JVM-wide pools of Kafka/fabric8 may stay, but no broker,
        // Connect, producer or consumer thread)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet()
                .stream().filter(t -> !threadsBefore.contains(t)).map(Thread::getName)
                .filter(name -> name.matches("(?i).*(kafka-request|data-plane|controller|broker|herder|task-thread|"
                        + "kafka-producer|kafka-coordinator|hello-world|mirror|sandbox|tls-proxy|raft).*")))
                .isEmpty());
    }

    private static int port(String url) {
        return java.net.URI.create(url).getPort();
    }

    /** Also runs the mirror with stock-OpenTelemetry-like tracing: the record's journey splits into traces. */
    @Test
    void v1ServesTheStrimzi1Shapes() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withStrimziApi(SandboxOptions.StrimziApi.V1)
                .withMirrorTracing(SandboxOptions.MirrorTracing.CURRENT_CONTEXT))) {
            String kubeconfig = sandbox.kubeconfig().toString();
            assertThat(kubectl(kubeconfig, "get", "kafka", "us-cluster", "-o",
                    "jsonpath={.apiVersion} {.status.listeners[0].name} {.status.listeners[0].type} "
                            + "{.status.listeners[0].bootstrapServers}"))
                    .isEqualTo("kafka.strimzi.io/v1 plain  " + sandbox.us().bootstrap(Sandbox.PLAIN));
            assertThat(kubectl(kubeconfig, "get", "kafkamirrormaker2", "my-mirror-maker2", "-o",
                    "jsonpath={.spec.target.alias} {.spec.mirrors[0].source.alias} {.spec.clusters}"))
                    .isEqualTo("us-cluster europe-cluster"); // no clusters[] in v1
            assertThat(kubectl(kubeconfig, "get", "kafkanodepools", "-o", "name"))
                    .contains("kafkanodepool.kafka.strimzi.io/europe-dual-role");
            assertThat(kubectl(kubeconfig, "get", "configmap", "mirrorscope-sandbox", "-o",
                    "jsonpath={.data.controlUrl}")).isEqualTo(sandbox.controlUrl());
            await().atMost(Duration.ofSeconds(30)).until(() -> SandboxProbe.readAll(
                    sandbox.us().clientConfig(Sandbox.PLAIN), Sandbox.TARGET_TOPIC).size() >= 10);

            var target = SandboxProbe.readAll(sandbox.us().clientConfig(Sandbox.PLAIN),
                    Sandbox.TARGET_TOPIC).getFirst();
            String targetTrace = traceId(target.headers().lastHeader("traceparent").value());
            var source = SandboxProbe.readAll(sandbox.europe().clientConfig(Sandbox.PLAIN), Sandbox.TOPIC).stream()
                    .filter(r -> r.value().equals(target.value())).findFirst().orElseThrow();
            String sourceTrace = traceId(source.headers().lastHeader("traceparent").value());
            assertThat(targetTrace).isNotEqualTo(sourceTrace);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode trace = SandboxProbe.get(sandbox.jaegerUrl() + "/api/traces/" + targetTrace).body()
                        .get("data").get(0);
                Set<String> services = new HashSet<>();
                trace.get("processes").forEach(p -> services.add(p.get("serviceName").asText()));
                assertThat(services).containsExactlyInAnyOrder("my-mirror-maker2", "hello-world-consumer");
            });
            // the mirror's consume span starts a trace of its own and links (FOLLOWS_FROM) to the producer's span
            String producerSpan = new String(source.headers().lastHeader("traceparent").value(),
                    StandardCharsets.UTF_8).split("-")[2];
            JsonNode search = SandboxProbe.get(sandbox.jaegerUrl()
                    + "/api/traces?service=my-mirror-maker2&operation=From_my-topic&limit=1000").body().get("data");
            boolean linked = false;
            for (JsonNode trace : search) {
                for (JsonNode span : trace.get("spans")) {
                    for (JsonNode ref : span.get("references")) {
                        linked |= ref.get("refType").asText().equals("FOLLOWS_FROM")
                                && ref.get("spanID").asText().equals(producerSpan)
                                && ref.get("traceID").asText().equals(sourceTrace);
                    }
                }
            }
            assertThat(linked).isTrue();
        }
    }

    private static String traceId(byte[] traceparent) {
        return new String(traceparent, StandardCharsets.UTF_8).split("-")[1];
    }

    private static String kubectl(String kubeconfig, String... args) throws Exception {
        String[] command = new String[args.length + 5];
        command[0] = OracleTools.require(OracleTools.KUBECTL).toString();
        command[1] = "--kubeconfig";
        command[2] = kubeconfig;
        command[3] = "-n";
        command[4] = "amq-streams";
        System.arraycopy(args, 0, command, 5, args.length);
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", args) + ": " + err).isZero();
        return out.strip();
    }
}
