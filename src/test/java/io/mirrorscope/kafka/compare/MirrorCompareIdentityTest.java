package io.mirrorscope.kafka.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.TopicReader;
import io.mirrorscope.sandbox.Sandbox;
import io.mirrorscope.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed's world (Strimzi v1beta1): MirrorMaker 2 with the identity policy, so the target topic keeps its name.
 * One sandbox for the class.
 */
@Tag("sandbox")
class MirrorCompareIdentityTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws InterruptedException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withStrimziApi(SandboxOptions.StrimziApi.V1BETA1)
                .withProduceInterval(Duration.ofMillis(20)));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (var consumer = ReadOnlyClients.consumer(ConnectionSettings.plaintext(
                    sandbox.us().bootstrap(Sandbox.PLAIN)), ConsumerOptions.DEFAULTS)) {
                return TopicReader.ranges(consumer, Sandbox.TOPIC, List.of()).stream()
                        .mapToLong(PartitionRange::end).sum() > 100;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        Thread.sleep(6_000);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void identityPolicyComparesTheSameTopicNameOnBothClusters() {
        CompareCli.Run run = CompareCli.run("--source-bootstrap", sandbox.europe().bootstrap(Sandbox.PLAIN),
                "--target-bootstrap", sandbox.us().bootstrap(Sandbox.PLAIN), "--topic", Sandbox.TOPIC,
                "--policy", "identity", "--grace", "3s", "-o", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("source").get("topic").asText()).isEqualTo(Sandbox.TOPIC);
        assertThat(json.get("target").get("topic").asText()).isEqualTo(Sandbox.TOPIC);
        assertThat(json.get("missing").asLong()).isZero();
        assertThat(json.get("duplicates").asLong()).isZero();
        assertThat(json.get("matched").asLong()).isGreaterThan(20);
    }

    @Test
    void aTableForTheTerminal() {
        CompareCli.Run run = CompareCli.run("--source-bootstrap", sandbox.europe().bootstrap(Sandbox.PLAIN),
                "--target-bootstrap", sandbox.us().bootstrap(Sandbox.PLAIN), "--topic", Sandbox.TOPIC,
                "--policy", "identity", "--grace", "3s");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("pairing: order", "matched", "SOURCE-END", "clean");
    }
}
