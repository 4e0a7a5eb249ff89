package io.mirrorscope.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.ui.common.BackgroundWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The topic browser's hands without a toolkit: the partition choice filters rows and narrows the next read, filters
 * run in the background on whole values and a newer filter supersedes an older one, following the newest, the
 * record actions and what they copy.
 */
class TopicBrowserHandsTest {

    private final TopicBrowserViewModelTest.FakeReading source = new TopicBrowserViewModelTest.FakeReading();
    private final List<Runnable> background = new ArrayList<>();
    /** Background work waits in {@link #background} until the test runs it: the caller's thread never filters. */
    private final TopicBrowserViewModel vm = new TopicBrowserViewModel(source,
            new BackgroundWork(background::add, Runnable::run), TopicBrowserViewModel.Options.defaults("europe")
            .withFilterDelay(Duration.ZERO));

    private static RawRecord rec(int p, long o, String key, String value, String header, String headerValue) {
        return new RawRecord(p, o, 1_700_000_000_000L + o, "CreateTime",
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                header == null ? List.of()
                        : List.of(new RawRecord.Header(header, headerValue.getBytes(StandardCharsets.UTF_8))));
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.removeFirst().run();
        }
    }

    private void read(SeekMode mode, RawRecord... records) {
        vm.selectedTopicProperty().set("orders");
        runBackground();
        vm.seekModeProperty().set(mode);
        vm.seek();
        runBackground();
        source.buffer.addAll(List.of(records));
        vm.drain();
    }

    @Test
    void thePartitionChoiceFiltersTheTableAtOnceAndNarrowsTheNextRead() {
        vm.followProperty().set(false);
        read(SeekMode.BEGINNING, rec(0, 0, "a", "zero", null, null), rec(1, 0, "b", "one", null, null),
                rec(2, 0, "c", "two", null, null), rec(1, 1, "d", "one again", null, null));
        assertThat(source.calls).containsExactly("open orders");
        vm.chosenPartitions().setAll(1);
        assertThat(vm.visibleRecords()).extracting(RecordRow::getKey).containsExactly("b", "d");
        vm.chosenPartitions().setAll(2, 0);
        assertThat(vm.visibleRecords()).extracting(RecordRow::getKey).containsExactly("a", "c");

        vm.seekModeProperty().set(SeekMode.TIME);
        vm.seekValueProperty().set("15m");
        vm.seek();
        runBackground();
        assertThat(source.partitionsAsked).as("the seek applies to the chosen partitions").containsExactly(0, 2);
        assertThat(vm.statusProperty().get()).isEqualTo("Reading orders, partitions 0, 2");
        vm.chosenPartitions().clear();
        vm.seek();
        runBackground();
        assertThat(source.partitionsAsked).as("none chosen: all").isEmpty();

        vm.chosenPartitions().setAll(1);
        vm.selectedTopicProperty().set("payments");
        assertThat(vm.chosenPartitions()).as("another topic has other partitions").isEmpty();
    }

    @Test
    void filtersRunInTheBackgroundOnWholeValuesAndTheNewestFilterWins() {
        String longValue = "{\"pad\":\"" + "x".repeat(10_000) + "\",\"needle\":\"late-in-the-value\"}";
        read(SeekMode.BEGINNING, rec(0, 0, "k0", longValue, null, null), rec(0, 1, "k1", "short", null, null),
                rec(1, 0, "k2", "another short one", "traceparent", "00-abc"));
        assertThat(vm.records().getFirst().getValue()).as("the cell shows a preview").doesNotContain("needle");

        vm.filterTextProperty().set("LATE-IN-THE");
        assertThat(vm.filteringProperty().get()).isTrue();
        assertThat(vm.visibleRecords()).as("nothing filtered on the caller's thread").hasSize(3);
        runBackground();
        assertThat(vm.filteringProperty().get()).isFalse();
        assertThat(vm.visibleRecords()).extracting(RecordRow::getKey).containsExactly("k0");

        // typing on: the older pass is dropped, only the newest filter's answer reaches the table
        vm.filterTextProperty().set("short");
        vm.filterTextProperty().set("another");
        runBackground();
        assertThat(vm.visibleRecords()).extracting(RecordRow::getKey).containsExactly("k2");

        // rows arriving after the pass are tested as they arrive
        source.buffer.addAll(List.of(rec(1, 1, "k3", "yet another", null, null), rec(1, 2, "k4", "no", null, null)));
        vm.drain();
        assertThat(vm.visibleRecords()).extracting(RecordRow::getKey).containsExactly("k2", "k3");

        vm.filterRegexProperty().set(true);
        vm.filterTextProperty().set("\"needle\":\"late-in-the-value\"\\}$");
        runBackground();
        assertThat(vm.visibleRecords()).extracting(RecordRow::getKey).containsExactly("k0");
        vm.filterTextProperty().set("");
        assertThat(vm.visibleRecords()).hasSize(5);
        vm.filterRegexProperty().set(false);
        vm.headerFilterProperty().set("traceparent=ABC");
        runBackground();
        assertThat(vm.visibleRecords()).extracting(RecordRow::getKey).containsExactly("k2");
    }

    @Test
    void aLiveReadFollowsTheNewestAndAReadToTheEndDoesNot() {
        vm.followNewestProperty().set(false);
        vm.followProperty().set(true);
        read(SeekMode.LAST_N, rec(0, 0, "a", "v", null, null));
        assertThat(vm.liveProperty().get()).isTrue();
        assertThat(vm.followNewestProperty().get()).isTrue();
        source.buffer.addAll(List.of(rec(0, 1, "b", "v", null, null)));
        assertThat(vm.drain()).isTrue();
        assertThat(vm.newestRecord().getKey()).isEqualTo("b");
        assertThat(vm.drain()).as("nothing new").isFalse();
        vm.stop();
        assertThat(vm.liveProperty().get()).isFalse();

        vm.followProperty().set(false);
        vm.seekModeProperty().set(SeekMode.BEGINNING);
        vm.seek();
        runBackground();
        assertThat(vm.liveProperty().get()).isFalse();
        assertThat(vm.followNewestProperty().get()).isFalse();
    }

    @Test
    void recordActionsSayWhyTheyCannotRunAndHandTheRecordOn() {
        read(SeekMode.BEGINNING,
                rec(2, 7, "order-7", "{\"n\":7}", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                rec(2, 8, null, null, null, null));
        RecordRow traced = vm.records().get(0);
        RecordRow plain = vm.records().get(1);
        assertThat(vm.findOnMirrorBlocked(traced)).isEqualTo("No mirror view is connected to this browser");
        assertThat(vm.openTraceBlocked(traced)).isEqualTo("No trace view is connected to this browser");
        assertThat(vm.findOnMirrorBlocked(null)).isEqualTo("Select a record first");

        List<RecordRef> found = new ArrayList<>();
        List<RecordRef> traces = new ArrayList<>();
        vm.onFindOnMirror(found::add);
        vm.onOpenTrace(traces::add);
        assertThat(vm.openTraceBlocked(plain))
                .isEqualTo("The record has no trace header (traceparent, uber-trace-id or b3)");
        vm.openTrace(plain);
        assertThat(traces).isEmpty();
        vm.openTrace(traced);
        vm.findOnMirror(plain);
        assertThat(traces).singleElement().satisfies(r -> {
            assertThat(r.trace().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(r).extracting(RecordRef::cluster, RecordRef::topic, RecordRef::partition, RecordRef::offset)
                    .containsExactly("europe", "orders", 2, 7L);
        });
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.hasTrace()).isFalse();
            assertThat(r.timestamp()).isEqualTo(1_700_000_000_008L);
        });
    }

    @Test
    void copiedTextIsTheWholeValueKeyAndTheRowAsTheCliWritesIt() throws Exception {
        String longValue = "v".repeat(9000) + "-end";
        read(SeekMode.BEGINNING, rec(1, 42, "order-42", longValue, "h", "x"),
                new RawRecord(0, 3, 5L, "CreateTime", null, new byte[] {(byte) 0xca, (byte) 0xfe}, List.of()));
        RecordRow row = vm.records().getFirst();
        assertThat(TopicBrowserViewModel.valueText(row)).isEqualTo(longValue);
        assertThat(TopicBrowserViewModel.keyText(row)).isEqualTo("order-42");
        JsonNode json = new ObjectMapper().readTree(TopicBrowserViewModel.rowJson(row));
        assertThat(json.get("partition").asInt()).isEqualTo(1);
        assertThat(json.get("offset").asLong()).isEqualTo(42);
        assertThat(json.get("value").asText()).isEqualTo(longValue);
        assertThat(json.get("headers").get("h").asText()).isEqualTo("x");
        assertThat(json.get("valueEncoding").asText()).isEqualTo("utf8");
        RecordRow binary = vm.records().get(1);
        assertThat(TopicBrowserViewModel.valueText(binary)).isEqualTo("ca fe");
        assertThat(TopicBrowserViewModel.keyText(binary)).isEmpty();
        assertThat(new ObjectMapper().readTree(TopicBrowserViewModel.rowJson(binary)).get("key").isNull()).isTrue();
    }
}
