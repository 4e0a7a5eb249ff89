package io.mirrorscope.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.ui.common.Severity;
import io.mirrorscope.ui.common.ViewTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The health view's state from snapshots of the real health engine, through a fake feed; no toolkit. */
class HealthViewModelTest {

    private final FakeHealthFeed feed = new FakeHealthFeed();
    private final HealthViewModel vm = new HealthViewModel(new ViewTarget.Health("ns", "my-mirror-maker2"), feed);
    private final HealthSamples world = new HealthSamples();

    /** {@code n} rounds, each delivered (as the monitor does). */
    private void push(int n) {
        for (int i = 0; i < n; i++) {
            feed.push(world.round());
        }
    }

    @Test
    void aMirrorThatKeepsUpReadsOkWithRatesCoverageAndCheckpoints() {
        vm.start();
        vm.start();
        assertThat(feed.starts).as("started once").isEqualTo(1);
        push(8);

        assertThat(vm.severityProperty().get()).isEqualTo(Severity.OK);
        assertThat(vm.verdictProperty().get()).isEqualTo("OK");
        assertThat(vm.headlineProperty().get()).startsWith("Both clusters answer and the target keeps up");
        assertThat(vm.crStatusProperty().get()).isEqualTo("Custom resource: Ready");
        assertThat(vm.links()).containsExactly("europe-cluster → us-cluster");
        assertThat(vm.reasons()).isEmpty();
        assertThat(vm.sourceProperty().get()).isEqualTo(
                "Source europe-cluster (europe-cluster-kafka-bootstrap:9092): answers");
        assertThat(vm.heartbeatsProperty().get()).isEqualTo(
                "Heartbeats (europe-cluster.heartbeats, through the mirror): newest 0.8 s old");
        // the filter is on the link even while the data is fine: an operator asking "why" sees it
        assertThat(vm.changes()).anySatisfy(c -> {
            assertThat(c.sentence()).isEqualTo("This mirror drops records that have header `drop` "
                    + "(transform dropMarked)");
            assertThat(c.drops()).isTrue();
        });
        assertThat(vm.changes()).anySatisfy(c -> assertThat(c.drops()).isFalse());

        CoverageRow orders = vm.coverage().stream().filter(r -> r.name().equals("orders")).findFirst().orElseThrow();
        assertThat(orders.target()).isEqualTo("europe-cluster.orders");
        assertThat(orders.state()).isEqualTo("mirrored");
        assertThat(orders.severity()).isEqualTo(Severity.OK);
        assertThat(orders.partitions()).isEqualTo("3/3");
        assertThat(orders.gap()).isEqualTo("0");
        assertThat(orders.sourceRate()).isEqualTo("45"); // 3 partitions × 30 per 2 s
        assertThat(orders.drift()).isEqualTo("retention.ms 604800000 ≠ 86400000");
        assertThat(orders.gapHistory()).hasSize(8);
        assertThat(orders.children()).extracting(CoverageRow::name)
                .containsExactly("partition 0", "partition 1", "partition 2");
        assertThat(orders.children().getFirst().partitions()).isEqualTo("240 → 240");
        assertThat(vm.coverage()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("audit");
            assertThat(r.state()).isEqualTo("not mirrored");
            assertThat(r.severity()).as("excluded on purpose").isEqualTo(Severity.NEUTRAL);
        });
        assertThat(vm.coverage()).anySatisfy(r -> {
            assertThat(r.target()).isEqualTo("europe-cluster.payments");
            assertThat(r.state()).isEqualTo("orphan");
        });
        assertThat(vm.checkpoints()).singleElement().satisfies(c -> {
            assertThat(c.group()).isEqualTo("billing");
            assertThat(c.downstreamOffset()).isEqualTo(118);
        });
        assertThat(vm.offsetSyncs()).singleElement().satisfies(o -> {
            assertThat(o.topic()).isEqualTo("orders");
            assertThat(o.behindSource()).isEqualTo(12L);
        });
        // rates: the first round has none, then one point per round
        HealthViewModel.RateSeries rates = vm.rateSeriesProperty().get();
        assertThat(rates.size()).isEqualTo(7);
        assertThat(rates.sourceRate()[6]).isEqualTo(45.0);
        assertThat(rates.targetRate()[6]).isEqualTo(45.0);
        assertThat(vm.ratesProperty().get()).isEqualTo("in 45 rec/s · out 45 rec/s");
    }

    @Test
    void aFilterThatDropsRecordsTurnsTheReadyMirrorAmberAndSaysRecordsAreLost() {
        vm.start();
        push(6);
        assertThat(vm.severityProperty().get()).isEqualTo(Severity.OK);
        world.targetShare(0.8);
        push(6);

        assertThat(vm.severityProperty().get()).isEqualTo(Severity.WARNING);
        assertThat(vm.verdictProperty().get()).isEqualTo("DEGRADED");
        assertThat(vm.headlineProperty().get()).isEqualTo("Records are lost: the target falls behind the source, "
                + "and this mirror is configured to drop records.");
        assertThat(vm.crStatusProperty().get()).isEqualTo(
                "Custom resource: Ready — the data disagrees, and the data wins");
        assertThat(vm.reasons()).anySatisfy(r -> assertThat(r).contains("grew from").contains("europe-cluster.orders"));
        assertThat(vm.reasons()).anySatisfy(r -> assertThat(r).contains("drops records that have header `drop`"));
        CoverageRow orders = vm.coverage().stream().filter(r -> r.name().equals("orders")).findFirst().orElseThrow();
        assertThat(orders.severity()).as("the topic the reason names").isEqualTo(Severity.WARNING);
        assertThat(orders.gap()).isEqualTo("108"); // 6 rounds × 3 partitions × 6 dropped
        HealthViewModel.RateSeries rates = vm.rateSeriesProperty().get();
        assertThat(rates.targetRate()[rates.size() - 1]).isLessThan(rates.sourceRate()[rates.size() - 1]);
    }

    @Test
    void aTargetThatStopsAnsweringTurnsRedWithTheTimeSinceItsLastAnswer() {
        vm.start();
        push(3);
        world.targetUp(false);
        push(3);
        assertThat(vm.severityProperty().get()).isEqualTo(Severity.DANGER);
        assertThat(vm.targetSeverityProperty().get()).isEqualTo(Severity.DANGER);
        assertThat(vm.sourceSeverityProperty().get()).isEqualTo(Severity.OK);
        assertThat(vm.targetProperty().get()).isEqualTo("Target us-cluster (us-cluster-kafka-bootstrap:9092): "
                + "no answer for 6.0 s — Connection to us-cluster-kafka-bootstrap:9092 refused");
        assertThat(vm.headlineProperty().get()).isEqualTo("The target us-cluster has not answered for 6.0 s.");
        assertThat(vm.heartbeatsProperty().get()).endsWith("(as of the target's last answer)");
        assertThat(vm.heartbeatSeverityProperty().get()).as("not green while unanswered").isEqualTo(Severity.NEUTRAL);
        assertThat(vm.ratesProperty().get()).endsWith("(as of both clusters' last answers)");
    }

    @Test
    void freshnessAgesWithTheClockAndTheIntervalReachesTheFeed() {
        vm.tick(0);
        assertThat(vm.freshnessProperty().get()).isEqualTo("No data yet · every 2.0 s");
        vm.start();
        HealthSnapshot s = world.rounds(2);
        feed.push(s);
        vm.tick(s.atMillis() + 3_000);
        assertThat(vm.freshnessProperty().get()).isEqualTo("Updated 3.0 s ago · every 2.0 s · round took 42 ms");
        assertThat(vm.staleProperty().get()).isFalse();
        vm.tick(s.atMillis() + 60_000);
        assertThat(vm.freshnessProperty().get()).startsWith("Updated 1 min 0 s ago");
        assertThat(vm.staleProperty().get()).isTrue();

        vm.intervalProperty().set(Duration.ofSeconds(10));
        assertThat(feed.intervalsSet).containsExactly(Duration.ofSeconds(10));
        vm.tick(s.atMillis() + 3_000);
        assertThat(vm.freshnessProperty().get()).contains("every 10 s");
        vm.close();
        assertThat(feed.closed).isTrue();
    }

    @Test
    void compareOpensTheSideBySideOfAMirroredTopicOnly() {
        List<ViewTarget> opened = new ArrayList<>();
        vm.setOpener(opened::add);
        vm.start();
        push(3);
        vm.coverage().forEach(vm::compare);
        assertThat(opened).containsExactly(new ViewTarget.Compare("orders", "europe-cluster.orders"));
    }

    @Test
    void theRateHistoryIsBounded() {
        vm.start();
        for (int i = 0; i < HealthViewModel.RATE_HISTORY + 30; i++) {
            feed.push(world.round());
        }
        HealthViewModel.RateSeries rates = vm.rateSeriesProperty().get();
        assertThat(rates.size()).isEqualTo(HealthViewModel.RATE_HISTORY);
        assertThat(rates.times()[rates.size() - 1]).isEqualTo(world.now());
        for (int i = 1; i < rates.size(); i++) {
            assertThat(rates.times()[i]).isGreaterThan(rates.times()[i - 1]);
        }
    }
}
