package io.mirrorscope.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordBuffer;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TopicReading;
import io.mirrorscope.ui.common.BackgroundWork;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The browser's view model without a toolkit: an in-memory {@link TopicReading}, direct executors. */
class TopicBrowserViewModelTest {

    /** Records what the view model asks for; the test plays the consumer thread by filling the buffer. */
    static final class FakeReading implements TopicReading {
        final List<String> calls = new ArrayList<>();
        RecordBuffer buffer;
        Consumer<Problem> onEnd;
        StartPosition start;
        List<Integer> partitionsAsked;
        boolean follow;
        double limit = -1;
        double rate = 42;

        @Override
        public List<String> topics() {
            return List.of("orders", "payments");
        }

        long end = 10;
        int partitionReads;
        RuntimeException partitionsFail;

        @Override
        public List<PartitionRange> partitions(String topic) {
            partitionReads++;
            if (partitionsFail != null) {
                throw partitionsFail;
            }
            return List.of(new PartitionRange(0, 0, end), new PartitionRange(1, 5, 8));
        }

        @Override
        public java.util.Optional<RawRecord> record(String topic, int partition, long offset) {
            calls.add("record " + topic + "/" + partition + "@" + offset);
            return java.util.Optional.ofNullable(stored.get(partition + "@" + offset));
        }

        final java.util.Map<String, RawRecord> stored = new java.util.HashMap<>();

        @Override
        public Tail open(String topic, List<Integer> partitions, StartPosition s, boolean f, double rateLimit,
                RecordBuffer b, Consumer<Problem> end) {
            calls.add("open " + topic);
            partitionsAsked = partitions;
            start = s;
            follow = f;
            limit = rateLimit;
            buffer = b;
            onEnd = end;
            return new Tail() {
                @Override
                public void pause() {
                    calls.add("pause");
                }

                @Override
                public void resume() {
                    calls.add("resume");
                }

                @Override
                public void stop() {
                    calls.add("stop");
                }

                @Override
                public void setRateLimit(double recordsPerSecond) {
                    calls.add("limit " + recordsPerSecond);
                }

                @Override
                public double rate() {
                    return rate;
                }
            };
        }
    }

    private final FakeReading source = new FakeReading();
    private final TopicBrowserViewModel vm = new TopicBrowserViewModel(source,
            new BackgroundWork(Runnable::run, Runnable::run), TopicBrowserViewModel.Options.defaults("europe")
            .withMaxRows(5).withFilterDelay(java.time.Duration.ZERO));

    private static RawRecord rec(int p, long o, String key, String value, String header) {
        return new RawRecord(p, o, 1_700_000_000_000L + o, "CreateTime",
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                header == null ? List.of()
                        : List.of(new RawRecord.Header(header, "x".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void topicsAndPartitionsLoad() {
        vm.loadTopics();
        assertThat(vm.topics()).containsExactly("orders", "payments");
        vm.selectedTopicProperty().set("orders");
        assertThat(vm.partitions()).extracting(PartitionRow::getPartition, PartitionRow::getBegin,
                PartitionRow::getEnd).hasSize(2);
        assertThat(vm.partitions().get(1).getCount()).isEqualTo(3);
        vm.partitions().clear();
        vm.refresh();
        assertThat(vm.partitions()).hasSize(2);
    }

    @Test
    void seekOpensAReadAndDrainBatchesRowsUpToTheCap() {
        vm.selectedTopicProperty().set("orders");
        vm.seekModeProperty().set(SeekMode.OFFSET);
        vm.seekValueProperty().set("3");
        vm.followProperty().set(false);
        vm.seek();
        assertThat(source.start).isEqualTo(new StartPosition.AtOffset(3));
        assertThat(source.follow).isFalse();
        assertThat(vm.readingProperty().get()).isTrue();

        source.buffer.addAll(List.of(rec(0, 3, "k3", "v3", null), rec(0, 4, "k4", "v4", null)));
        assertThat(vm.records()).isEmpty();  // nothing reaches the table until the pulse drains
        vm.drain();
        assertThat(vm.records()).extracting(RecordRow::getOffset).containsExactly(3L, 4L);
        assertThat(vm.rateTextProperty().get()).isEqualTo("42 rec/s");

        source.buffer.addAll(List.of(rec(0, 5, "a", "b", null), rec(0, 6, "a", "b", null),
                rec(0, 7, "a", "b", null), rec(0, 8, "a", "b", null)));
        vm.drain();
        assertThat(vm.records()).extracting(RecordRow::getOffset).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(vm.droppedProperty().get()).isEqualTo(1);

        source.onEnd.accept(null);
        assertThat(vm.readingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Read 5 records");
    }

    @Test
    void endMeansLiveAndPauseRateAndStopReachTheTail() {
        vm.selectedTopicProperty().set("orders");
        vm.seekModeProperty().set(SeekMode.END);
        vm.followProperty().set(false);
        vm.rateLimitProperty().set(200);
        vm.seek();
        assertThat(source.follow).isTrue();
        assertThat(source.limit).isEqualTo(200);
        vm.togglePause();
        assertThat(vm.pausedProperty().get()).isTrue();
        vm.togglePause();
        vm.rateLimitProperty().set(50);
        vm.stop();
        assertThat(source.calls).containsExactly("open orders", "pause", "resume", "limit 50.0", "stop");
        assertThat(vm.readingProperty().get()).isFalse();
    }

    @Test
    void badSeekValuesAndProblemsShowInTheStatus() {
        vm.selectedTopicProperty().set("orders");
        vm.seekModeProperty().set(SeekMode.LAST_N);
        vm.seekValueProperty().set("many");
        vm.seek();
        assertThat(vm.statusProperty().get()).isEqualTo("Enter a count, not 'many'");
        assertThat(source.calls).isEmpty();
        vm.seekModeProperty().set(SeekMode.TIME);
        vm.seekValueProperty().set("15m");
        vm.seek();
        assertThat(source.start).isInstanceOf(StartPosition.AtTime.class);
        source.onEnd.accept(Problem.of(Problem.Kind.CONNECTION, "Authentication failed at x", "", "check"));
        assertThat(vm.statusProperty().get()).startsWith("Authentication failed at x");
    }

    @Test
    void filtersAndDetail() {
        vm.selectedTopicProperty().set("orders");
        vm.seekModeProperty().set(SeekMode.BEGINNING);
        vm.seek();
        source.buffer.addAll(List.of(rec(0, 0, "k0", "Hello world - 0", "traceparent"),
                rec(1, 1, "k1", "{\"n\":1}", null), rec(1, 2, null, null, null)));
        vm.drain();
        vm.filterTextProperty().set("WORLD");
        assertThat(vm.visibleRecords()).extracting(RecordRow::getOffset).containsExactly(0L);
        vm.filterTextProperty().set("\"n\":\\d");
        vm.filterRegexProperty().set(true);
        assertThat(vm.visibleRecords()).extracting(RecordRow::getOffset).containsExactly(1L);
        vm.filterTextProperty().set("([");
        assertThat(vm.filterErrorProperty().get()).isNotEmpty();
        assertThat(vm.visibleRecords()).hasSize(3);
        vm.filterTextProperty().set("");
        vm.headerFilterProperty().set("traceparent=x");
        assertThat(vm.visibleRecords()).extracting(RecordRow::getOffset).containsExactly(0L);
        vm.headerFilterProperty().set("");

        vm.selectedRecordProperty().set(vm.records().get(1));
        assertThat(vm.detailProperty().get()).contains("Partition 1, offset 1").contains("Value (json, 7 bytes)")
                .contains("\"n\" : 1");
        vm.selectedRecordProperty().set(vm.records().get(2));
        assertThat(vm.detailProperty().get()).contains("Key (null)").contains("Value (null)");
        assertThat(vm.records().get(2).getKey()).isEmpty();
    }

    /** A clock the test moves. */
    static final class TestClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.parse("2026-11-29T06:40:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        void advance(int seconds) {
            now = now.plusSeconds(seconds);
        }
    }

    private static RawRecord big(long offset, int bytes) {
        byte[] value = new byte[bytes];
        java.util.Arrays.fill(value, (byte) 'x');
        return new RawRecord(0, offset, 1_700_000_000_000L, "CreateTime", null, value, List.of());
    }

    @Test
    void theTableIsBoundedByBytesCutsValuesBeyondKeepBytesAndReadsACutRecordAgain() {
        TopicBrowserViewModel budgeted = new TopicBrowserViewModel(source,
                new BackgroundWork(Runnable::run, Runnable::run), TopicBrowserViewModel.Options.defaults("europe")
                .withByteBudget(100 * 1024).withKeepBytes(4096));
        budgeted.selectedTopicProperty().set("orders");
        budgeted.seekModeProperty().set(SeekMode.BEGINNING);
        budgeted.seek();
        assertThat(budgeted.memoryTextProperty().get()).isEqualTo("0.0 MB of 0.1 MB");
        for (int batch = 0; batch < 10; batch++) {
            List<RawRecord> mb = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                mb.add(big(batch * 10L + i, 1024 * 1024));
            }
            source.buffer.addAll(mb);
            budgeted.drain();
        }
        // 100 records of 1 MiB were read; rows keep 4 KiB of each, the oldest going when 100 KiB are held.
        assertThat(budgeted.bytesHeld()).isLessThanOrEqualTo(100 * 1024);
        int kept = budgeted.records().size();
        assertThat(kept).isEqualTo(100 * 1024 / (4096 + RecordRow.OVERHEAD_BYTES));
        assertThat(budgeted.records().getLast().getOffset()).isEqualTo(99);
        assertThat(budgeted.records()).allSatisfy(r -> {
            assertThat(r.isCut()).isTrue();
            assertThat(r.raw().value()).hasSize(4096);
            assertThat(r.fullSize()).isEqualTo(1024 * 1024);
        });
        assertThat(budgeted.droppedProperty().get()).isEqualTo(100 - kept);

        source.stored.put("0@99", big(99, 1024 * 1024));
        budgeted.selectedRecordProperty().set(budgeted.records().getLast());
        assertThat(source.calls).contains("record orders/0@99");
        assertThat(budgeted.detailProperty().get()).contains("Value (utf8, 1048576 bytes)")
                .doesNotContain("A preview");
    }

    @Test
    void endOffsetsRefreshWhileShownAndASilentClusterIsNamedThenCleared() {
        TestClock clock = new TestClock();
        TopicBrowserViewModel live = new TopicBrowserViewModel(source,
                new BackgroundWork(Runnable::run, Runnable::run), TopicBrowserViewModel.Options.defaults("europe")
                .withClock(clock));
        live.selectedTopicProperty().set("orders");
        live.seekModeProperty().set(SeekMode.END);
        live.seek();
        int reads = source.partitionReads;
        live.drain();
        assertThat(source.partitionReads).as("not before the refresh interval").isEqualTo(reads);
        source.end = 25;
        clock.advance(3);
        live.drain();
        assertThat(source.partitionReads).isEqualTo(reads + 1);
        assertThat(live.partitions().getFirst().getEnd()).as("live end offsets, not only on F5").isEqualTo(25);
        assertThat(live.statusProperty().get()).isEqualTo("Reading orders (live)");

        // The broker stops answering: offsets fail, no records arrive.
        source.partitionsFail = new IllegalStateException("Timed out waiting for a node assignment");
        for (int i = 0; i < 4; i++) {
            clock.advance(3);
            live.drain();
        }
        assertThat(live.statusProperty().get())
                .isEqualTo("Reading orders: no answer from europe since 06:40:03");
        assertThat(live.problems().get().text()).startsWith("Reading the offsets of orders failed");

        source.partitionsFail = null;
        clock.advance(3);
        live.drain();
        assertThat(live.statusProperty().get()).isEqualTo("Reading orders (live)");
        assertThat(live.problems().get()).as("recovered: the stale problem is gone").isNull();
    }
}
