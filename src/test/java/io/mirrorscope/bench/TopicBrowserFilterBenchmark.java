package io.mirrorscope.bench;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordBuffer;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TopicReading;
import io.mirrorscope.ui.browser.SeekMode;
import io.mirrorscope.ui.browser.TopicBrowserViewModel;
import io.mirrorscope.ui.common.BackgroundWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The topic browser's filtering at 100,000 rows, without a toolkit, through the view model's public API.
 * Rows: JSON values of about 110 bytes, every 1,000th a 16 KiB value (the needle of {@code deep} sits at its end,
 * past any preview), a traceparent header on every other row. {@code filterPass}: one filter change, the whole pass
 * (decode every row's whole values, test the pattern compiled once, one bit per row) plus applying the result to the
 * FilteredList; in the app the pass runs off the FX thread and only the apply runs on it. {@code applyOnFx}: what
 * the FX thread pays when the table re-applies a finished pass (a partition choice change): a bit lookup per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TopicBrowserFilterBenchmark {

    static final int ROWS = 100_000;

    /** substring: a case-insensitive literal; regex: a regular expression; deep: text at the end of 16 KiB values. */
    @Param({"substring", "regex", "deep"})
    public String filter;

    TopicBrowserViewModel vm;
    String text;
    boolean regex;
    int toggle;

    /** A reading that hands the test the buffer the view model reads from. */
    static final class Rows implements TopicReading {
        RecordBuffer buffer;

        @Override
        public List<String> topics() {
            return List.of("orders");
        }

        @Override
        public List<PartitionRange> partitions(String topic) {
            return List.of(new PartitionRange(0, 0, ROWS), new PartitionRange(1, 0, ROWS));
        }

        @Override
        public Optional<RawRecord> record(String topic, int partition, long offset) {
            return Optional.empty();
        }

        @Override
        public Tail open(String topic, List<Integer> partitions, StartPosition start, boolean follow,
                double rateLimit, RecordBuffer b, Consumer<Problem> onEnd) {
            buffer = b;
            return new Tail() {
                @Override
                public void pause() {
                }

                @Override
                public void resume() {
                }

                @Override
                public void stop() {
                }

                @Override
                public void setRateLimit(double recordsPerSecond) {
                }

                @Override
                public double rate() {
                    return 0;
                }
            };
        }
    }

    static RawRecord row(int i) {
        String value = i % 1000 == 0
                ? "{\"pad\":\"" + "p".repeat(16 * 1024) + "\",\"tag\":\"deep-needle-" + i + "\"}"
                : "{\"order\":" + i + ",\"amount\":" + (i * 37 % 1000) + ",\"region\":\"region-" + (i % 13)
                        + "\",\"currency\":\"EUR\"}";
        List<RawRecord.Header> headers = i % 2 == 0 ? List.of(new RawRecord.Header("traceparent",
                ("00-4bf92f3577b34da6a3ce929d0e0e" + (1000 + i % 9000) + "-00f067aa0ba902b7-01")
                        .getBytes(StandardCharsets.UTF_8))) : List.of();
        return new RawRecord(i % 2, i / 2, 1_767_225_600_000L + i, "CreateTime",
                ("order-" + i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Setup(Level.Trial)
    public void fill() {
        Rows rows = new Rows();
        vm = new TopicBrowserViewModel(rows, new BackgroundWork(Runnable::run, Runnable::run),
                TopicBrowserViewModel.Options.defaults("bench").withFilterDelay(Duration.ZERO));
        vm.selectedTopicProperty().set("orders");
        vm.seekModeProperty().set(SeekMode.BEGINNING);
        vm.followProperty().set(false);
        vm.seek();
        List<RawRecord> batch = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            batch.add(row(i));
            if (batch.size() == 10_000) {
                rows.buffer.addAll(batch);
                vm.drain();
                batch.clear();
            }
        }
        switch (filter) {
            case "substring" -> text = "REGION-7\"";
            case "regex" -> {
                text = "\"amount\":9\\d\\d,";
                regex = true;
            }
            default -> text = "deep-needle-5000\"";
        }
        vm.filterRegexProperty().set(regex);
    }

    /**
     * For {@code filterPass}: clears the filter between passes, outside the measurement, so each pass starts from
     * "everything shown". For {@code applyOnFx}: the filter stays set (its pass done once).
     */
    @Setup(Level.Invocation)
    public void between(BenchmarkParams params) {
        if (params.getBenchmark().endsWith("filterPass")) {
            vm.filterTextProperty().set("");
        } else {
            vm.filterTextProperty().set(text);
        }
    }

    @Benchmark
    public int filterPass() {
        vm.filterTextProperty().set(text);
        return vm.visibleRecords().size();
    }

    @Benchmark
    public int applyOnFx() {
        vm.chosenPartitions().setAll(toggle++ % 2);
        return vm.visibleRecords().size();
    }
}
