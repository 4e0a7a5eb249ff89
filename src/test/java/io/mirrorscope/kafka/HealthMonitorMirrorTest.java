package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.cli.MirrorScopeCommand;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkHealth;
import io.mirrorscope.core.health.LinkSpec;
import io.mirrorscope.core.health.Verdict;
import io.mirrorscope.core.inventory.TopicNaming;
import io.mirrorscope.kafka.health.HealthMonitor;
import io.mirrorscope.testkit.FreePorts;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.mirror.MirrorMaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The health engine against two real KRaft clusters and a real MirrorMaker 2 (dedicated mode, heartbeats and
 * checkpoints on, topic config sync off), one world for the class. MirrorScope reaches each cluster through a
 * recording proxy (the brokers advertise 127.0.0.2, where the proxy listens), MirrorMaker 2 and the test's own
 * setup through the brokers' other listener — so the proxies see MirrorScope's requests and nothing else.
 *
 * <p>The world: {@code orders} (3 partitions) and {@code payments} (2) mirrored eu → us; {@code orders-secret}
 * matches the pattern but is excluded; {@code eu.payments} was created on the target beforehand with
 * {@code retention.ms=3600000} (drift); {@code eu.legacy} is on the target with no source (orphan); the group
 * {@code billing} committed offsets on the source.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("kafka")
class HealthMonitorMirrorTest {

    /** Fetch, ListOffsets, Metadata, ApiVersions, OffsetForLeaderEpoch (a consumer checks its position after a
     * seek), DescribeConfigs, DescribeCluster, DescribeTopicPartitions (the Admin's describeTopics on new brokers):
     * the reads the issue allows. */
    private static final Set<Short> READS = Set.of((short) 1, (short) 2, (short) 3, (short) 18, (short) 23,
            (short) 32, (short) 60, (short) 75);

    private KafkaTestCluster eu;
    private KafkaTestCluster us;
    private RecordingProxy euProxy;
    private RecordingProxy usProxy;
    private MirrorMaker mirrorMaker;
    private HealthMonitor monitor;

    @BeforeAll
    void world() throws Exception {
        eu = cluster("eu");
        us = cluster("us");
        eu.createTopic("orders", 3);
        eu.createTopic("payments", 2);
        eu.createTopic("orders-secret", 1);
        try (Admin admin = us.admin()) {
            admin.createTopics(List.of(new NewTopic("eu.payments", Optional.of(2), Optional.empty())
                            .configs(Map.of("retention.ms", "3600000")),
                    new NewTopic("eu.legacy", Optional.of(1), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = eu.stringProducer()) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("orders", i % 3, "k" + i, "order " + i));
            }
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("payments", i % 2, "k" + i, "payment " + i));
                producer.send(new ProducerRecord<>("orders-secret", 0, "k" + i, "secret " + i));
            }
            producer.flush();
        }
        Map<String, Object> group = new HashMap<>(eu.clientConfig("ADMIN"));
        group.put(ConsumerConfig.GROUP_ID_CONFIG, "billing");
        group.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        group.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> billing = new KafkaConsumer<>(group)) {
            billing.commitSync(Map.of(new TopicPartition("orders", 0), new OffsetAndMetadata(10),
                    new TopicPartition("orders", 1), new OffsetAndMetadata(4)));
        }
        euProxy = proxy(eu);
        usProxy = proxy(us);
        mirrorMaker = new MirrorMaker(mm2Properties(), null, Time.SYSTEM);
        mirrorMaker.start();
        monitor = new HealthMonitor(List.of(new HealthMonitor.Link(spec(), settings(eu), settings(us))),
                new HealthMonitor.Options(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(1),
                        io.mirrorscope.core.health.HealthSettings.DEFAULTS), null);
    }

    private static KafkaTestCluster cluster(String name) {
        return KafkaTestCluster.builder(name)
                .listener(KafkaListener.plain("ADMIN"))
                .listener(KafkaListener.plain("PLAIN").advertising("127.0.0.2"))
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
    }

    private static RecordingProxy proxy(KafkaTestCluster c) throws Exception {
        int port = c.port("PLAIN");
        return new RecordingProxy("127.0.0.2", port, new InetSocketAddress("127.0.0.1", port));
    }

    private static ConnectionSettings settings(KafkaTestCluster c) {
        return ConnectionSettings.plaintext("127.0.0.2:" + c.port("PLAIN"));
    }

    private Map<String, String> mm2Properties() {
        Map<String, String> p = new HashMap<>();
        p.put("clusters", "eu,us");
        p.put("eu.bootstrap.servers", eu.bootstrap("ADMIN"));
        p.put("us.bootstrap.servers", us.bootstrap("ADMIN"));
        p.put("eu->us.enabled", "true");
        p.put("eu->us.topics", "orders.*,payments");
        p.put("eu->us.topics.exclude", "orders-secret");
        p.put("us->eu.enabled", "false");
        for (String key : List.of("replication.factor", "offset-syncs.topic.replication.factor",
                "checkpoints.topic.replication.factor", "heartbeats.topic.replication.factor",
                "config.storage.replication.factor", "offset.storage.replication.factor",
                "status.storage.replication.factor")) {
            p.put(key, "1");
        }
        p.put("offset.storage.partitions", "2");
        p.put("status.storage.partitions", "1");
        p.put("sync.topic.acls.enabled", "false");
        p.put("sync.topic.configs.enabled", "false");
        p.put("sync.group.offsets.enabled", "false");
        p.put("refresh.topics.interval.seconds", "2");
        p.put("refresh.groups.interval.seconds", "2");
        p.put("emit.checkpoints.interval.seconds", "1");
        p.put("emit.heartbeats.interval.seconds", "1");
        p.put("offset.lag.max", "0");
        p.put("offset.flush.interval.ms", "1000");
        p.put("tasks.max", "1");
        p.put("plugin.discovery", "service_load");
        p.put("eu.plugin.discovery", "service_load");
        p.put("us.plugin.discovery", "service_load");
        return p;
    }

    private static LinkSpec spec() {
        return new LinkSpec("test eu->us", "eu", "eu", "us", "us", "orders.*,payments", "orders-secret", "billing",
                TopicNaming.mirrorMaker2(null, "eu", null), null, Map.of("sync.topic.configs.enabled", "false"),
                null);
    }

    @AfterAll
    void close() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
        if (mirrorMaker != null) {
            mirrorMaker.stop();
            mirrorMaker.awaitStop();
        }
        for (AutoCloseable c : new AutoCloseable[] {euProxy, usProxy, us, eu}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private LinkHealth awaitLink(String what, java.util.function.Predicate<LinkHealth> until) {
        List<LinkHealth> last = new ArrayList<>(1);
        try {
            await().alias(what).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                HealthSnapshot s = monitor.refresh();
                last.clear();
                last.add(s.links().getFirst());
                return until.test(s.links().getFirst());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " never came; last: " + last, e);
        }
        return last.getFirst();
    }

    private static LinkHealth.TopicHealth topic(LinkHealth h, String source) {
        return h.topics().stream().filter(t -> t.source().equals(source)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void aHealthyLinkIsOkWithEveryTopicInItsPlace() {
        LinkHealth h = awaitLink("orders and payments mirrored, heartbeats through the mirror", l ->
                l.topics().stream().filter(t -> t.state() == LinkHealth.TopicState.MIRRORED
                        && Long.valueOf(0).equals(t.endOffsetGap())).count() == 2
                        && l.heartbeats() != null && l.heartbeats().ageMs() != null && l.heartbeats().throughMirror());
        assertThat(h.verdict()).as("reasons %s", h.reasons()).isEqualTo(Verdict.OK);
        assertThat(h.source().reachable()).isTrue();
        assertThat(h.target().reachable()).isTrue();
        assertThat(topic(h, "orders").target()).isEqualTo("eu.orders");
        assertThat(topic(h, "orders").partitions()).extracting(LinkHealth.PartitionHealth::sourceEnd)
                .containsExactly(10L, 10L, 10L);
        assertThat(h.heartbeats().topic()).isEqualTo("eu.heartbeats");
        assertThat(h.heartbeats().stale()).isFalse();
        assertThat(h.transforms()).anySatisfy(t -> assertThat(t).contains("sync.topic.configs.enabled=false"));
    }

    @Test
    @Order(2)
    void anExcludedTopicIsNotMirroredATargetWithoutSourceIsAnOrphanAndRetentionDrifts() {
        LinkHealth h = awaitLink("coverage", l -> l.topics().stream()
                .anyMatch(t -> t.state() == LinkHealth.TopicState.ORPHAN));
        LinkHealth.TopicHealth secret = topic(h, "orders-secret");
        assertThat(secret.state()).isEqualTo(LinkHealth.TopicState.NOT_MIRRORED);
        assertThat(secret.note()).isEqualTo("excluded by topics.exclude");
        LinkHealth.TopicHealth legacy = topic(h, "legacy");
        assertThat(legacy.state()).isEqualTo(LinkHealth.TopicState.ORPHAN);
        assertThat(legacy.target()).isEqualTo("eu.legacy");
        assertThat(topic(h, "payments").configDrift()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("retention.ms");
            assertThat(d.source()).isEqualTo("604800000");
            assertThat(d.target()).isEqualTo("3600000");
        });
        assertThat(topic(h, "orders").configDrift()).isEmpty();
    }

    @Test
    @Order(3)
    void theSourceGroupsCheckpointArrivesOnTheTargetWithTheRightOffsets() {
        // Partition 0's committed offset (10) sits on an offset sync, so MM2 translates it exactly. Whether MM2 emits
        // partition 1's checkpoint (committed 4, between syncs) depends on when its checkpoint task read the syncs
        // (since Kafka 3.5 it translates only offsets after the syncs it saw at start), so it is checked when there.
        LinkHealth h = awaitLink("billing's checkpoints", l -> l.checkpoints().stream()
                .anyMatch(c -> c.partition() == 0 && c.downstreamOffset() == 10));
        LinkHealth.CheckpointHealth p0 = h.checkpoints().stream().filter(c -> c.partition() == 0).findFirst()
                .orElseThrow();
        assertThat(p0.group()).isEqualTo("billing");
        assertThat(p0.topic()).isEqualTo("orders");
        assertThat(p0.targetTopic()).isEqualTo("eu.orders");
        assertThat(p0.upstreamOffset()).isEqualTo(10);
        assertThat(p0.reReadEstimate()).isZero();
        assertThat(p0.failover()).isEqualTo(
                "failover now restarts billing at offset 10 of eu.orders-0: about 0 records re-read");
        h.checkpoints().stream().filter(c -> c.partition() == 1).forEach(p1 -> {
            assertThat(p1.upstreamOffset()).isEqualTo(4);
            // target offsets equal source offsets here: a translation past 4 would skip records
            assertThat(p1.downstreamOffset()).isBetween(0L, 4L);
            assertThat(p1.reReadEstimate()).isEqualTo(4 - p1.downstreamOffset());
        });
        assertThat(h.checkpoints()).allSatisfy(c -> assertThat(c.group()).isEqualTo("billing"))
                .hasSizeBetween(1, 2);
    }

    @Test
    @Order(3)
    void theOffsetSyncsOfEveryMirroredPartitionAreReadFromTheSource() {
        // MM2 writes a sync for the first record of each partition at least; here target offsets equal source offsets
        LinkHealth h = awaitLink("offset syncs of orders", l -> l.offsetSyncs().stream()
                .filter(o -> o.topic().equals("orders")).count() == 3);
        assertThat(h.offsetSyncs()).filteredOn(o -> o.topic().equals("orders"))
                .extracting(LinkHealth.OffsetSyncHealth::partition).containsExactly(0, 1, 2);
        assertThat(h.offsetSyncs()).allSatisfy(o -> {
            assertThat(o.topic()).as("syncs of mirrored topics only").isIn("orders", "payments");
            assertThat(o.upstream()).isBetween(0L, 10L);
            assertThat(o.downstream()).isEqualTo(o.upstream());
            assertThat(o.behindSource()).isEqualTo(topic(h, o.topic()).partitions().get(o.partition()).sourceEnd()
                    - o.upstream());
        });
    }

    @Test
    @Order(4)
    void theCommandPrintsTheIssuesJsonAndExitsOneWhenALinkFails(@TempDir Path dir) throws Exception {
        Path mm2 = dir.resolve("mm2.properties");
        Files.writeString(mm2, String.join("\n", "clusters=eu,us",
                "eu->us.transforms=dropMarked",
                "eu->us.transforms.dropMarked.type=org.apache.kafka.connect.transforms.Filter",
                "eu->us.transforms.dropMarked.predicate=marked",
                "eu->us.predicates=marked",
                "eu->us.predicates.marked.type=org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
                "eu->us.predicates.marked.name=drop"));
        StringWriter out = new StringWriter();
        int code = cli(out, "health", "--source-bootstrap", "127.0.0.2:" + eu.port("PLAIN"), "--target-bootstrap",
                "127.0.0.2:" + us.port("PLAIN"), "--source-alias", "eu", "--target-alias", "us", "--topics",
                "orders.*,payments", "--topics-exclude", "orders-secret", "--groups", "billing", "--mm2-config",
                mm2.toString(), "--rounds", "2", "--interval", "0.3", "-o", "json");
        JsonNode link = new ObjectMapper().readTree(out.toString()).path("links").get(0);
        assertThat(code).as(out.toString()).isZero();
        assertThat(link.path("verdict").asText()).isEqualTo("ok");
        assertThat(link.path("source").path("alias").asText()).isEqualTo("eu");
        assertThat(link.path("target").path("reachable").asBoolean()).isTrue();
        Map<String, String> states = new HashMap<>();
        link.path("topics").forEach(t -> states.put(t.path("source").asText(), t.path("state").asText()));
        assertThat(states).containsEntry("orders", "mirrored").containsEntry("orders-secret", "not-mirrored")
                .containsEntry("legacy", "orphan");
        JsonNode payments = null;
        for (JsonNode t : link.path("topics")) {
            if (t.path("source").asText().equals("payments")) {
                payments = t;
            }
        }
        assertThat(payments.path("partitions").path("target").asInt()).isEqualTo(2);
        assertThat(payments.path("endOffsetGap").asLong()).isZero();
        assertThat(payments.path("configDrift").get(0).path("name").asText()).isEqualTo("retention.ms");
        assertThat(link.path("heartbeats").path("ageMs").isNumber()).isTrue();
        assertThat(link.path("checkpoints").get(0).path("upstreamOffset").asLong()).isEqualTo(10);
        assertThat(link.path("transforms").get(0).asText())
                .isEqualTo("drops records that have header `drop` (transform dropMarked)");

        StringWriter down = new StringWriter();
        int failing = cli(down, "health", "--source-bootstrap", "127.0.0.2:" + eu.port("PLAIN"),
                "--target-bootstrap", "127.0.0.1:" + FreePorts.pick("127.0.0.1"), "--source-alias", "eu",
                "--topics", "orders", "--rounds", "1", "--timeout", "2", "-o", "json");
        JsonNode failed = new ObjectMapper().readTree(down.toString()).path("links").get(0);
        assertThat(failing).isEqualTo(1);
        assertThat(failed.path("verdict").asText()).isEqualTo("failing");
        assertThat(failed.path("target").path("reachable").asBoolean()).isFalse();
        assertThat(failed.path("reasons").get(0).asText()).startsWith("the target target does not answer");
    }

    private static int cli(StringWriter out, String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((options, smoke) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    @Order(5)
    void onlyReadRequestsReachTheBrokers() {
        Set<Short> seen = new TreeSet<>(euProxy.apiKeys());
        seen.addAll(usProxy.apiKeys());
        // DescribeCluster, Metadata, ListOffsets, DescribeConfigs and Fetch were all sent
        assertThat(seen).contains((short) 60, (short) 3, (short) 2, (short) 32, (short) 1);
        assertThat(seen).as("API keys sent: %s", seen).doesNotContainAnyElementsOf(ReadOnlyWireTest.FORBIDDEN.keySet());
        assertThat(seen).as("API keys sent: %s", seen).isSubsetOf(READS);
    }
}
