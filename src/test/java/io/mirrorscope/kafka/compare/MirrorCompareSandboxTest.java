package io.mirrorscope.kafka.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.TopicReader;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.sandbox.Sandbox;
import io.mirrorscope.sandbox.SandboxFaults;
import io.mirrorscope.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code mirrorscope compare} on the sandbox: two real KRaft clusters and a real MirrorMaker 2 with the hello-world
 * producer writing all along, faults switched on through the sandbox, the findings checked against what the faults
 * did. One sandbox for the class; the tests build on each other (drops stay missing, replays stay duplicated), and
 * the pause comes last because resuming a Connect task may re-send records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("sandbox")
class MirrorCompareSandboxTest {

    private static Sandbox sandbox;
    private static List<SandboxFaults.DroppedRecord> dropped = List.of();
    private static final Map<String, Integer> REPLAYED = new TreeMap<>();

    @BeforeAll
    static void start() throws InterruptedException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProduceInterval(Duration.ofMillis(20)));
        await().atMost(Duration.ofSeconds(60)).until(() -> targetEnd() > 100);
        // bounded runs read the source up to now - grace (5 s here): let a few hundred records age past it
        Thread.sleep(8_000);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String[] manual(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--source-bootstrap",
                sandbox.europe().bootstrap(Sandbox.PLAIN), "--target-bootstrap", sandbox.us().bootstrap(Sandbox.PLAIN),
                "--topic", Sandbox.TOPIC, "--source-alias", Sandbox.EUROPE, "-o", "json"));
        args.addAll(List.of(more));
        if (!args.contains("--grace")) {
            args.addAll(List.of("--grace", "5s"));
        }
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void aCleanMirrorHasNothingMissingNothingDuplicatedAndExitsZero() {
        CompareCli.Run run = CompareCli.run(manual());
        JsonNode json = run.json();
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(json.get("target").get("topic").asText()).isEqualTo(Sandbox.TARGET_TOPIC);
        assertThat(json.get("pairing").asText()).isEqualTo("order");
        assertThat(json.get("missing").asLong()).isZero();
        assertThat(json.get("duplicates").asLong()).isZero();
        assertThat(json.get("matched").asLong()).isGreaterThan(20);
        assertThat(json.get("matched").asLong() + json.get("pending").asLong())
                .isEqualTo(json.get("sourceRecords").asLong());
        assertThat(json.get("partitions")).hasSize(Sandbox.PARTITIONS);
        assertThat(json.get("delayMs").get("method").asText()).isNotBlank();
        for (String field : List.of("sourceRecords", "targetRecords", "expired", "missingRecords",
                "duplicateRecords")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
    }

    @Test
    @Order(2)
    void throughKubernetesTheMirrorsLinkGivesClustersCredentialsNamingAndOffsetSyncs() {
        CompareCli.Run run = CompareCli.run("--kubeconfig", sandbox.kubeconfig().toString(), "--mirror",
                "my-mirror-maker2", "--topic", Sandbox.TOPIC, "--grace", "5s", "-o", "json");
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("target").get("topic").asText()).isEqualTo(Sandbox.TARGET_TOPIC);
        assertThat(json.get("pairing").asText()).isEqualTo("offset-syncs");
        assertThat(json.get("offsetSyncs").asLong()).isPositive();
        assertThat(json.get("missing").asLong()).isZero();
        assertThat(json.get("matched").asLong()).isGreaterThan(20);
    }

    @Test
    @Order(3)
    void offsetSyncPairingAgreesWithOrderPairing() {
        ConnectionSettings source = ConnectionSettings.plaintext(sandbox.europe().bootstrap(Sandbox.PLAIN));
        ConnectionSettings target = ConnectionSettings.plaintext(sandbox.us().bootstrap(Sandbox.PLAIN));
        TopicMapping topics = new TopicMapping(Sandbox.TOPIC, Sandbox.TARGET_TOPIC, "test");
        CompareRequest request = CompareRequest.of(topics).withGrace(Duration.ofSeconds(5)).withMaxRecords(150)
                .withOffsetSyncs(OffsetSyncReader.topicFor(Sandbox.US), false);
        CompareResult bySyncs = new MirrorCompare(source, target, ConsumerOptions.DEFAULTS, request,
                Clock.systemUTC()).run(s -> { });
        CompareResult byOrder = new MirrorCompare(source, target, ConsumerOptions.DEFAULTS,
                request.withPairing(Pairing.ORDER), Clock.systemUTC()).run(s -> { });
        assertThat(bySyncs.pairing()).isEqualTo(Pairing.OFFSET_SYNCS);
        assertThat(byOrder.pairing()).isEqualTo(Pairing.ORDER);
        MatchSnapshot a = bySyncs.snapshot();
        MatchSnapshot b = byOrder.snapshot();
        assertThat(a.fingerprintMismatch()).isZero();
        assertThat(a.sourceRecords()).isEqualTo(150).isEqualTo(b.sourceRecords());
        assertThat(a.matched()).isEqualTo(b.matched()).isEqualTo(150);
        assertThat(a.missing()).isEqualTo(b.missing()).isZero();
        assertThat(a.duplicates()).isEqualTo(b.duplicates()).isZero();
        assertThat(bySyncs.sourceOffsets()).hasSize(Sandbox.PARTITIONS);
        assertThat(bySyncs.sourceOffsets()).allSatisfy(p -> assertThat(p.endAtEnd()).isGreaterThanOrEqualTo(
                p.endAtStart()));
    }

    @Test
    @Order(4)
    void recordsTheMirrorDroppedAreMissingWithTheirExactOffsets() throws Exception {
        sandbox.faults().dropEveryKth(7);
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.faults().dropped().size() >= 10);
        sandbox.faults().dropEveryKth(0);
        dropped = sandbox.faults().dropped();
        Thread.sleep(6_000);  // longer than the grace: the run's source read covers every drop

        CompareCli.Run run = CompareCli.run(manual());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.missing()).isEqualTo(droppedAt());
        assertThat(run.json().get("missing").asLong()).isEqualTo(dropped.size());
        assertThat(run.json().get("duplicates").asLong()).isZero();
        long perPartition = 0;
        for (JsonNode p : run.json().get("partitions")) {
            perPartition += p.get("missing").asLong();
        }
        assertThat(perPartition).isEqualTo(dropped.size());
    }

    @Test
    @Order(5)
    void aReplayedRangeGivesExactlyThoseDuplicatesWithBothTargetOffsets() {
        int partition = 3;
        Set<Long> droppedHere = dropped.stream().filter(d -> d.partition() == partition)
                .map(SandboxFaults.DroppedRecord::offset).collect(Collectors.toSet());
        long from = 5;
        while (droppedHere.contains(from) || droppedHere.contains(from + 1) || droppedHere.contains(from + 2)
                || droppedHere.contains(from + 3) || droppedHere.contains(from + 4)) {
            from++;
        }
        int replayed = sandbox.faults().replay(partition, from, from + 4);
        assertThat(replayed).isEqualTo(5);
        for (long o = from; o <= from + 4; o++) {
            REPLAYED.put(partition + "@" + o, 2);
        }

        CompareCli.Run run = CompareCli.run(manual());
        assertThat(run.exit()).isEqualTo(1);
        Map<String, List<Long>> dups = run.duplicates();
        assertThat(dups.keySet()).isEqualTo(REPLAYED.keySet());
        assertThat(dups.values()).allSatisfy(offsets -> {
            assertThat(offsets).hasSize(2);
            assertThat(offsets.get(1)).isGreaterThan(offsets.get(0));
        });
        assertThat(run.json().get("duplicates").asLong()).isEqualTo(5);
        assertThat(run.missing()).as("the drops are still missing").isEqualTo(droppedAt());
    }

    @Test
    @Order(6)
    void recordsHeldByAPausedMirrorArePendingNotMissing() throws Exception {
        long from = System.currentTimeMillis();
        Thread.sleep(1_000);
        sandbox.faults().pauseMirror();
        try {
            long[] last = {-1};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1500)).until(() -> {
                long end = targetEnd();
                boolean still = end == last[0];
                last[0] = end;
                return still;
            });
            CompareCli.Run run = CompareCli.run(manual("--from", String.valueOf(from), "--duration", "4s",
                    "--grace", "60s"));
            JsonNode json = run.json();
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(json.get("missing").asLong()).isZero();
            assertThat(json.get("duplicates").asLong()).isZero();
            assertThat(json.get("pending").asLong()).as("records written while paused").isGreaterThan(20);
            assertThat(json.get("matched").asLong()).as("records copied before the pause").isPositive();
            assertThat(json.get("delayMs").get("method").asText()).isIn("live-observed", "unknown");
        } finally {
            sandbox.faults().resumeMirror();
        }
    }

    private static TreeSet<String> droppedAt() {
        return dropped.stream().map(d -> d.partition() + "@" + d.offset())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long targetEnd() {
        try (var consumer = ReadOnlyClients.consumer(
                ConnectionSettings.plaintext(sandbox.us().bootstrap(Sandbox.PLAIN)),
                ConsumerOptions.DEFAULTS)) {
            return TopicReader.ranges(consumer, Sandbox.TARGET_TOPIC, List.of()).stream()
                    .mapToLong(PartitionRange::end).sum();
        }
    }
}
