package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.cli.MirrorScopeCommand;
import io.mirrorscope.core.health.HealthSettings;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkHealth;
import io.mirrorscope.core.health.LinkSpec;
import io.mirrorscope.core.health.RecordChanges;
import io.mirrorscope.core.health.Verdict;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.TopicNaming;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.health.HealthMonitor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * Every fault switch of the sandbox changes the health verdict as an operator would expect, while the mirror's
 * custom resource keeps saying Ready: drop every k-th → degraded with the filter named; pause → degraded; the target
 * broker stopped → failing within 10 s. One sandbox and one running monitor for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("sandbox")
class SandboxHealthTest {

    private static Sandbox sandbox;
    private static HealthMonitor monitor;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProduceInterval(Duration.ofMillis(50)));
        LinkSpec spec = new LinkSpec("my-mirror-maker2 europe->us", Sandbox.EUROPE, Sandbox.EUROPE, Sandbox.US,
                Sandbox.US, Sandbox.TOPIC, null, null, TopicNaming.mirrorMaker2(null, Sandbox.EUROPE, null), null,
                RecordChanges.flowConfig(sandbox.mirror().properties(), Sandbox.EUROPE, Sandbox.US), Health.READY);
        monitor = new HealthMonitor(List.of(new HealthMonitor.Link(spec,
                ConnectionSettings.plaintext(sandbox.europe().bootstrap(Sandbox.PLAIN)),
                ConnectionSettings.plaintext(sandbox.us().bootstrap(Sandbox.PLAIN)))),
                new HealthMonitor.Options(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30),
                        HealthSettings.DEFAULTS), null).start();
    }

    @AfterAll
    static void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterEach
    void allFaultsOff() {
        sandbox.faults().dropEveryKth(0);
        if (sandbox.faults().mirrorPaused()) {
            sandbox.faults().resumeMirror();
        }
        if (!sandbox.faults().targetBrokerRunning()) {
            sandbox.faults().startTargetBroker();
        }
        awaitLink("ok again after the fault", Duration.ofSeconds(90), l -> l.verdict() == Verdict.OK);
    }

    private static LinkHealth awaitLink(String what, Duration atMost, Predicate<LinkHealth> until) {
        LinkHealth[] last = new LinkHealth[1];
        try {
            await().alias(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                HealthSnapshot s = monitor.latest();
                last[0] = s == null ? null : s.links().getFirst();
                return last[0] != null && until.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " never came; last: " + last[0], e);
        }
        return last[0];
    }

    @Test
    @Order(1)
    void theRunningMirrorIsOk() {
        LinkHealth h = awaitLink("records flowing", Duration.ofSeconds(60), l -> l.verdict() == Verdict.OK
                && !l.topics().isEmpty() && l.topics().getFirst().targetRate() != null
                && l.topics().getFirst().targetRate() > 0);
        assertThat(h.topics().getFirst().target()).isEqualTo(Sandbox.TARGET_TOPIC);
        assertThat(h.topics().getFirst().partitions()).hasSize(Sandbox.PARTITIONS);
        assertThat(h.transforms()).contains("drops records that have header `" + MirrorConsumerFaults.DROP_HEADER
                + "` (transform dropMarked)");
        assertThat(h.heartbeats()).isNotNull();
    }

    @Test
    @Order(2)
    void theCommandFindsTheMirrorItsClustersAndCredentialsThroughKubernetes() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MirrorScopeCommand.commandLine((options, smoke) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--kubeconfig", sandbox.kubeconfig().toString(), "-n", Sandbox.NAMESPACE, "health",
                "--mirror", "my-mirror-maker2", "--rounds", "3", "--interval", "1", "-o", "json");
        assertThat(err.toString()).isEmpty();
        JsonNode link = new ObjectMapper().readTree(out.toString()).path("links").get(0);
        assertThat(link.path("source").path("alias").asText()).isEqualTo(Sandbox.EUROPE);
        assertThat(link.path("target").path("alias").asText()).isEqualTo(Sandbox.US);
        assertThat(link.path("source").path("reachable").asBoolean()).isTrue();
        assertThat(link.path("target").path("reachable").asBoolean()).isTrue();
        assertThat(link.path("crStatus").asText()).isEqualTo("ready");
        assertThat(link.path("topics").get(0).path("target").asText()).isEqualTo(Sandbox.TARGET_TOPIC);
        assertThat(link.path("topics").get(0).path("state").asText()).isEqualTo("mirrored");
        assertThat(link.path("topics").get(0).path("partitions").path("target").asInt())
                .isEqualTo(Sandbox.PARTITIONS);
        assertThat(link.path("verdict").asText()).isNotEqualTo("failing");
        // the filter as the KafkaMirrorMaker2 resource declares it, read through MirrorLink's connector config
        assertThat(link.path("transforms").toString()).contains("drops records that have header `"
                + MirrorConsumerFaults.DROP_HEADER + "` (transform dropMarked)");
        assertThat(code).as(out.toString()).isEqualTo(link.path("verdict").asText().equals("ok") ? 0 : 1);
    }

    @Test
    @Order(3)
    void droppingEveryFifthRecordIsDegradedAndNamesTheFilter() {
        sandbox.faults().dropEveryKth(5);
        LinkHealth h = awaitLink("degraded by the drops", Duration.ofSeconds(60),
                l -> l.verdict() == Verdict.DEGRADED && l.reasons().stream().anyMatch(r -> r.contains("grew")));
        assertThat(h.reasons()).anySatisfy(r -> assertThat(r).contains("the target falls behind and this mirror "
                + "drops records that have header `" + MirrorConsumerFaults.DROP_HEADER + "` (transform dropMarked)"));
        assertThat(h.reasons()).anySatisfy(r -> assertThat(r).contains("says Ready").contains("the data wins"));
    }

    @Test
    @Order(4)
    void aPausedMirrorIsDegraded() {
        sandbox.faults().pauseMirror();
        LinkHealth h = awaitLink("degraded while paused", Duration.ofSeconds(60),
                l -> l.verdict() == Verdict.DEGRADED);
        assertThat(h.reasons()).anySatisfy(r -> assertThat(r)
                .containsAnyOf(Sandbox.TARGET_TOPIC + " took no record", "grew"));
        assertThat(h.source().reachable()).isTrue();
        assertThat(h.target().reachable()).isTrue();
    }

    @Test
    @Order(5)
    void aStoppedTargetBrokerFailsTheLinkWithinTenSeconds() {
        sandbox.faults().stopTargetBroker();
        LinkHealth h = awaitLink("failing within 10 s", Duration.ofSeconds(10), l -> l.verdict() == Verdict.FAILING);
        assertThat(h.target().reachable()).isFalse();
        assertThat(h.source().reachable()).isTrue();
        assertThat(h.reasons()).first().asString().startsWith("the target " + Sandbox.US + " has not answered for");
    }
}
