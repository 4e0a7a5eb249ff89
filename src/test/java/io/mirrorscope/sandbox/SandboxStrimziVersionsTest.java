package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seed's original v1beta1 world (KafkaMirrorMaker, topic names kept) and the Strimzi 1.x v1 shapes, each seen
 * through kubectl and a plain consumer. One sandbox per version.
 */
class SandboxStrimziVersionsTest {

    @Test
    void v1beta1ServesTheSeedsResourcesWithAKafkaMirrorMaker() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults()
                .withStrimziApi(SandboxOptions.StrimziApi.V1BETA1))) {
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
        }
    }

    @Test
    void v1ServesTheStrimzi1Shapes() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withStrimziApi(SandboxOptions.StrimziApi.V1))) {
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
        }
    }

    private static String kubectl(String kubeconfig, String... args) throws Exception {
        String[] command = new String[args.length + 5];
        command[0] = "kubectl";
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
