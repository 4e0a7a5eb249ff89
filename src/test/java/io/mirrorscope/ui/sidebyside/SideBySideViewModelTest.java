package io.mirrorscope.ui.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.core.mirror.MatchSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The side-by-side view model on a fake feed over a real matcher, without a toolkit. */
class SideBySideViewModelTest {

    private static final Executor DIRECT = Runnable::run;

    private static SideBySideViewModel model(FakeCompareFeed feed) {
        return new SideBySideViewModel(feed, DIRECT, DIRECT, 10_000, ZoneOffset.UTC);
    }

    private static PairItem row(SideBySideViewModel vm, int partition, long offset) {
        return vm.rows().stream().filter(r -> r.partition() == partition && r.offset() == offset).findFirst()
                .orElseThrow();
    }

    @Test
    void rowsAndCountersFollowTheMatcher() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        MatchSnapshot s = vm.snapshotProperty().get();
        assertThat(vm.rows()).hasSize(120);
        assertThat(s.missing()).isEqualTo(1);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.pending()).isEqualTo(3);
        assertThat(s.matched()).isEqualTo(116);
        assertThat(row(vm, 1, 35).status()).isEqualTo(PairStatus.MISSING);
        assertThat(row(vm, 2, 36).status()).isEqualTo(PairStatus.DUPLICATE);
        assertThat(row(vm, 2, 36).targetOffsetsText()).isEqualTo("36, 37");
        assertThat(row(vm, 0, 38).status()).isEqualTo(PairStatus.PENDING);
        assertThat(row(vm, 0, 3).status()).isEqualTo(PairStatus.MATCHED);
        assertThat(row(vm, 0, 3).delayMs()).isEqualTo(29);
        assertThat(row(vm, 0, 3).preview().value()).contains("\"region\":\"europe\"");
        assertThat(vm.delayTextProperty().get()).startsWith("p50 ").contains("live observed");
        assertThat(vm.pairingTextProperty().get()).contains("paired by order");
        assertThat(vm.lagCellsProperty().get()).extracting(c -> c.partition()).containsExactly(0, 1, 2);
        assertThat(vm.lagCellsProperty().get().get(0).lag()).isEqualTo(3);
        assertThat(vm.freshnessProperty().get()).isEqualTo("updated 00:00:11.000");
    }

    @Test
    void aPendingRowBecomesMatchedInPlaceAndNewMissingRaisesOneQuietNotification() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        assertThat(vm.notificationProperty().get()).as("the run's first missing record")
                .isEqualTo("1 new missing record · P1 offset 35 · key order-135");
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<PairItem>) c -> changes.add(c.toString()));
        int pendingIndex = vm.rows().indexOf(row(vm, 0, 37));
        // the copy of P0/37 arrives; 38 is skipped (then missing: the target delivered 39); 39 arrives
        feed.copy(SideBySideScenario.copyOf(sourceOf(feed, 0, 37), 0, 37), 60);
        feed.copy(SideBySideScenario.copyOf(sourceOf(feed, 0, 39), 0, 38), 70);
        feed.publish();
        vm.pulse();
        assertThat(changes).as("one list change per pulse").hasSize(1);
        assertThat(vm.rows()).hasSize(120);
        assertThat(vm.rows().indexOf(row(vm, 0, 37))).as("replaced in place").isEqualTo(pendingIndex);
        assertThat(row(vm, 0, 37).status()).isEqualTo(PairStatus.MATCHED);
        assertThat(row(vm, 0, 38).status()).isEqualTo(PairStatus.MISSING);
        assertThat(vm.notificationsProperty().get()).isEqualTo(2);
        assertThat(vm.notificationProperty().get()).isEqualTo("1 new missing record · P0 offset 38 · key order-38");
        List<long[]> delays = new ArrayList<>();
        vm.takeNewDelays((t, d) -> delays.add(new long[] {t, d}));
        assertThat(delays).extracting(d -> d[1]).contains(60L, 70L);

        vm.pulse(); // same snapshot: nothing happens
        assertThat(changes).hasSize(1);
        assertThat(vm.notificationsProperty().get()).isEqualTo(2);
    }

    @Test
    void noNotificationWhilePaused() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        long before = vm.notificationsProperty().get();
        vm.togglePause();
        assertThat(vm.stateProperty().get()).as("at once, before any snapshot")
                .isEqualTo(SideBySideViewModel.RunState.PAUSED);
        feed.copy(SideBySideScenario.copyOf(sourceOf(feed, 0, 39), 0, 37), 70);
        feed.publish();
        vm.pulse();
        assertThat(row(vm, 0, 37).status()).isEqualTo(PairStatus.MISSING);
        assertThat(vm.notificationsProperty().get()).isEqualTo(before);
        assertThat(vm.stateProperty().get()).isEqualTo(SideBySideViewModel.RunState.PAUSED);
        assertThat(feed.calls).containsExactly("pause");
        vm.togglePause();
        assertThat(feed.calls).containsExactly("pause", "resume");
        assertThat(vm.stateProperty().get()).isEqualTo(SideBySideViewModel.RunState.LIVE);
    }

    @Test
    void filtersByTextHeaderPartitionAndProblems() {
        SideBySideViewModel vm = model(SideBySideScenario.mirror());
        vm.pulse();
        vm.onlyProblemsProperty().set(true);
        assertThat(vm.visibleRows()).extracting(PairItem::status)
                .containsExactlyInAnyOrder(PairStatus.MISSING, PairStatus.DUPLICATE);
        vm.onlyProblemsProperty().set(false);
        vm.textFilterProperty().set("\"REGION\":\"us\"");
        assertThat(vm.visibleRows()).hasSize(40).allSatisfy(r -> assertThat(r.partition()).isEqualTo(1));
        vm.textFilterProperty().set("order-236");
        assertThat(vm.visibleRows()).extracting(PairItem::offset).containsExactly(36L);
        vm.textFilterProperty().set("");
        vm.headerFilterProperty().set("tenant=acme");
        assertThat(vm.visibleRows()).hasSize(40).allSatisfy(r -> assertThat(r.partition()).isEqualTo(2));
        vm.headerFilterProperty().set("");
        vm.chosenPartitions().addAll(List.of(0, 2));
        assertThat(vm.visibleRows()).hasSize(80).noneMatch(r -> r.partition() == 1);
        vm.chosenPartitions().clear();
        assertThat(vm.visibleRows()).hasSize(120);
    }

    @Test
    void detailShowsBothRecordsAndFlagsTheRewrittenTraceHeader() {
        SideBySideViewModel vm = model(SideBySideScenario.mirror());
        vm.pulse();
        vm.selectedProperty().set(row(vm, 0, 3));
        assertThat(vm.detail()).extracting(PairDiff.Line::field).contains("Key", "Value", "Header traceparent",
                "Header tenant");
        assertThat(vm.detail()).filteredOn(PairDiff.Line::differs).extracting(PairDiff.Line::field)
                .containsExactly("Header traceparent");
        vm.selectedProperty().set(row(vm, 1, 35));
        assertThat(vm.detail().getFirst().target()).isEqualTo("(no copy)");
        assertThat(vm.detail()).noneMatch(PairDiff.Line::differs);
    }

    @Test
    void anUpdateOfTheSelectedRecordKeepsItsDetailShownUntilTheNewReadLands() {
        SideBySideViewModel vm = model(SideBySideScenario.mirror());
        vm.pulse();
        PairItem shown = row(vm, 1, 35);
        vm.selectedProperty().set(shown);
        List<Integer> sizes = new java.util.ArrayList<>();
        vm.detail().addListener((javafx.collections.ListChangeListener<PairDiff.Line>) c -> sizes.add(
                vm.detail().size()));
        vm.selectedProperty().set(shown.withState(io.mirrorscope.core.mirror.MatchSnapshot.PairState.MATCHED));
        assertThat(sizes).isNotEmpty().doesNotContain(0);
        vm.selectedProperty().set(row(vm, 0, 3));
        assertThat(sizes).as("another record: cleared first").contains(0);
    }

    @Test
    void seekClearsTheTableAndRestartsTheFeedAtThatTime() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        vm.chosenPartitions().add(1);
        vm.seekTextProperty().set("2026-01-01T00:00:05Z");
        vm.seek();
        assertThat(vm.rows()).isEmpty();
        assertThat(feed.calls).containsExactly("seek " + (FakeCompareFeed.T0 + 5_000) + " [1]");
        assertThat(vm.messageProperty().get()).isEqualTo("Both sides from 2026-01-01 00:00:05.000");
        vm.seekTextProperty().set("yesterday-ish");
        vm.seek();
        assertThat(vm.messageProperty().get()).startsWith("Not a time");
        assertThat(feed.calls).hasSize(1);
    }

    @Test
    void exportsTheCliJsonShapeAndCsv(@TempDir Path dir) throws Exception {
        SideBySideViewModel vm = model(SideBySideScenario.mirror());
        vm.pulse();
        Path json = vm.export(dir.resolve("findings.json"), true).join();
        JsonNode o = new ObjectMapper().readTree(Files.readString(json));
        assertThat(o.path("source").path("topic").asText()).isEqualTo("orders");
        assertThat(o.path("target").path("topic").asText()).isEqualTo("europe.orders");
        assertThat(o.path("pairing").asText()).isEqualTo("order");
        assertThat(o.path("sourceRecords").asLong()).isEqualTo(120);
        assertThat(o.path("targetRecords").asLong()).isEqualTo(117); // 120 - 1 dropped - 3 pending + 1 extra copy
        assertThat(o.path("missing").asLong()).isEqualTo(1);
        assertThat(o.path("duplicates").asLong()).isEqualTo(1);
        assertThat(o.path("pending").asLong()).isEqualTo(3);
        assertThat(o.path("delayMs").path("method").asText()).isEqualTo("live-observed");
        assertThat(o.path("delayMs").path("max").asLong()).isEqualTo(20 + 3 * 39);
        assertThat(o.path("missingRecords").get(0).path("offset").asLong()).isEqualTo(35);
        assertThat(o.path("duplicateRecords").get(0).path("targetOffsets").toString()).isEqualTo("[36,37]");
        assertThat(o.path("partitions")).hasSize(3);

        Path csv = vm.export(dir.resolve("findings.csv"), false).join();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo(FindingsExport.CSV_HEADER);
        assertThat(lines).contains("missing,1,35," + (FakeCompareFeed.T0 + 35 * 250 + 7) + ",order-135,,,,,,",
                "duplicate,2,36," + (FakeCompareFeed.T0 + 36 * 250 + 14) + ",order-236,2,36 37,,,,");
        assertThat(lines).filteredOn(l -> l.startsWith("delay,")).hasSize(116);
        assertThat(lines).filteredOn(l -> l.startsWith("lag,")).hasSize(3);
        assertThat(FindingsExport.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }

    private static io.mirrorscope.core.records.RawRecord sourceOf(FakeCompareFeed feed, int p, long o) {
        List<io.mirrorscope.core.records.RawRecord> out = new ArrayList<>();
        feed.fetch(p, o, -1, -1, pair -> out.add(pair.source()), e -> {
            throw new AssertionError(e);
        });
        return out.getFirst();
    }

    /** A valid W3C trace context (the scenario's traceparents are malformed on purpose). */
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void openTracesIsDisabledWithoutATraceHeaderAndSaysWhy() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        feed.source(FakeCompareFeed.record(0, 40, FakeCompareFeed.T0 + 40 * 250L, "order-40", "{}"));
        feed.copy(FakeCompareFeed.record(0, 37, FakeCompareFeed.T0 + 40 * 250L, "order-40", "{}"), 30);
        feed.publish();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        assertThat(vm.canOpenTraceProperty().get()).isFalse();
        assertThat(vm.openTraceHintProperty().get()).contains("no tracing back-end wired");
        List<CompareFeed.Pair> opened = new ArrayList<>();
        vm.onOpenTrace(opened::add);
        assertThat(vm.openTraceHintProperty().get()).contains("select a row");

        vm.selectedProperty().set(row(vm, 0, 40));
        assertThat(vm.shownPairProperty().get().source().offset()).isEqualTo(40);
        assertThat(vm.shownPairProperty().get().target()).isPresent();
        assertThat(vm.canOpenTraceProperty().get()).isFalse();
        assertThat(vm.openTraceHintProperty().get()).isEqualTo("Open traces: no trace header on either record");
        vm.openTrace();
        assertThat(opened).as("a disabled action does nothing").isEmpty();

        // the scenario's own traceparents do not parse: named, still disabled
        vm.selectedProperty().set(row(vm, 0, 3));
        assertThat(vm.canOpenTraceProperty().get()).isFalse();
        assertThat(vm.openTraceHintProperty().get()).startsWith("Open traces: no usable trace header")
                .contains("traceparent");
    }

    @Test
    void openTracesHandsTheFetchedPairToTheHookWhenTheSourceCarriesATraceparent() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        io.mirrorscope.core.records.RawRecord source = FakeCompareFeed.record(1, 40, FakeCompareFeed.T0 + 40 * 250L,
                "order-140", "{\"order\":140}", "traceparent", TRACEPARENT);
        io.mirrorscope.core.records.RawRecord copy = SideBySideScenario.copyOf(source, 1, 39);
        feed.source(source);
        feed.copy(copy, 40);
        feed.publish();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        vm.selectedProperty().set(row(vm, 1, 40));
        assertThat(vm.canOpenTraceProperty().get()).as("no hook yet").isFalse();
        List<CompareFeed.Pair> opened = new ArrayList<>();
        vm.onOpenTrace(opened::add);
        assertThat(vm.canOpenTraceProperty().get()).isTrue();
        vm.openTrace();
        assertThat(opened).hasSize(1);
        assertThat(opened.getFirst().source()).isSameAs(source);
        assertThat(opened.getFirst().target()).containsSame(copy);

        vm.onOpenTrace(null);
        assertThat(vm.canOpenTraceProperty().get()).isFalse();
        assertThat(vm.openTraceHintProperty().get()).isEqualTo("Open traces: no tracing back-end wired");
        vm.openTrace();
        assertThat(opened).hasSize(1);
        // another record: the pair shown before is not handed on while the new one is read
        vm.onOpenTrace(opened::add);
        vm.selectedProperty().set(null);
        assertThat(vm.shownPairProperty().get()).isNull();
        assertThat(vm.canOpenTraceProperty().get()).isFalse();
    }

    @Test
    void openTracesIsEnabledWhenOnlyTheCopyCarriesATraceContext() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        io.mirrorscope.core.records.RawRecord source = FakeCompareFeed.record(2, 40, FakeCompareFeed.T0 + 40 * 250L,
                "order-240", "{}");
        io.mirrorscope.core.records.RawRecord copy = FakeCompareFeed.record(2, 41, FakeCompareFeed.T0 + 40 * 250L,
                "order-240", "{}", "traceparent", TRACEPARENT);
        feed.source(source);
        feed.copy(copy, 40);
        feed.publish();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        List<CompareFeed.Pair> opened = new ArrayList<>();
        vm.onOpenTrace(opened::add);
        vm.selectedProperty().set(row(vm, 2, 40));
        assertThat(vm.canOpenTraceProperty().get()).isTrue();
        vm.openTrace();
        assertThat(opened.getFirst().target()).containsSame(copy);
    }

    @Test
    void revealSelectsARowThatArrivesLaterOnce() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        List<PairItem> revealed = new ArrayList<>();
        vm.revealedProperty().addListener((o, a, b) -> {
            if (b != null) {
                revealed.add(b);
            }
        });
        vm.reveal(1, 41);
        assertThat(vm.revealPending()).isTrue();
        assertThat(vm.selectedProperty().get()).isNull();
        feed.source(FakeCompareFeed.record(1, 40, FakeCompareFeed.T0 + 40 * 250L, "order-140", "{}"));
        feed.publish();
        vm.pulse();
        assertThat(vm.selectedProperty().get()).as("not yet in the table").isNull();
        feed.source(FakeCompareFeed.record(1, 41, FakeCompareFeed.T0 + 41 * 250L, "order-141", "{}"));
        feed.publish();
        vm.pulse();
        assertThat(vm.selectedProperty().get()).extracting(PairItem::partition, PairItem::offset)
                .containsExactly(1, 41L);
        assertThat(revealed).extracting(PairItem::offset).containsExactly(41L);
        assertThat(vm.revealPending()).isFalse();
        assertThat(vm.detail()).as("the revealed pair is read for the detail").isNotEmpty();

        // once: the user moves on, and a later snapshot updating that row does not pull the selection back
        vm.selectedProperty().set(row(vm, 0, 3));
        feed.copy(FakeCompareFeed.record(1, 39, FakeCompareFeed.T0 + 41 * 250L, "order-141", "{}"), 30);
        feed.publish();
        vm.pulse();
        assertThat(vm.selectedProperty().get().offset()).isEqualTo(3);
        assertThat(revealed).hasSize(1);
    }

    @Test
    void revealOfARowAlreadyShownSelectsItNowAndWaitsWhileFilteredOut() {
        SideBySideViewModel vm = model(SideBySideScenario.mirror());
        vm.pulse();
        vm.reveal(2, 36);
        assertThat(vm.selectedProperty().get()).extracting(PairItem::partition, PairItem::offset)
                .containsExactly(2, 36L);
        vm.chosenPartitions().add(0);
        vm.reveal(1, 5);
        assertThat(vm.revealPending()).as("hidden by the partition filter").isTrue();
        vm.chosenPartitions().clear();
        assertThat(vm.selectedProperty().get()).extracting(PairItem::partition, PairItem::offset)
                .containsExactly(1, 5L);
    }

    @Test
    void aUserSelectionCancelsAWaitingReveal() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = model(feed);
        vm.pulse();
        vm.selectedProperty().set(row(vm, 0, 37));
        vm.reveal(0, 40);
        // the selected pending row is copied: updated in place, the same record; not the user's choice
        feed.copy(SideBySideScenario.copyOf(sourceOf(feed, 0, 37), 0, 37), 60);
        feed.publish();
        vm.pulse();
        vm.selectedProperty().set(row(vm, 0, 37));
        assertThat(vm.revealPending()).isTrue();
        vm.selectedProperty().set(row(vm, 2, 3)); // the user picks another row
        assertThat(vm.revealPending()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        feed.source(FakeCompareFeed.record(0, 40, FakeCompareFeed.T0 + 40 * 250L, "order-40", "{}"));
        feed.publish();
        vm.pulse();
        assertThat(vm.selectedProperty().get()).extracting(PairItem::partition, PairItem::offset)
                .containsExactly(2, 3L);
    }

    @Test
    void findingsAsShownCarryEveryRowTheTableHolds() {
        FakeCompareFeed feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = model(feed);
        assertThat(vm.findingsAsShown()).isNull();
        vm.pulse();
        MatchSnapshot s = vm.snapshotProperty().get();
        MatchSnapshot shown = vm.findingsAsShown();
        assertThat(shown.recentPairs()).hasSize(vm.rows().size());
        assertThat(shown.recentPairs()).extracting(r -> r.partition() + "@" + r.offset() + " " + r.state())
                .containsExactlyElementsOf(vm.rows().stream().map(r -> r.partition() + "@" + r.offset() + " "
                        + r.state()).toList());
        assertThat(shown).usingRecursiveComparison().ignoringFields("recentPairs").isEqualTo(s);
    }
}
