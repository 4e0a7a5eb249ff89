package io.mirrorscope.bench;

import io.mirrorscope.core.mirror.DelayMethod;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.ui.sidebyside.PairItem;
import io.mirrorscope.ui.sidebyside.PairTableModel;
import io.mirrorscope.ui.sidebyside.RecordPreview;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The side-by-side table's model work on the FX thread, without a toolkit (issue 13 bars: 10,000 new pairs per
 * pulse keep the pulse ≤ 16 ms; 1,000,000 rows scroll at ≥ 30 fps). The table holds 1,000,000 rows over 12
 * partitions, under the same FilteredList and SortedList as the view. {@code pulse}: one merge of a snapshot whose
 * 20,000 recent pairs are the newest 10,000 rows (now copied: 10,000 in-place updates) and 10,000 new pending ones,
 * through the filter (none, or "only problems") and, when the user sorted, a SortedList; the table trims a tenth
 * when full, as it does live. {@code scrollStep}: a page of 40 rows read through the shown list with every
 * cell's text made, as the cells do after a scroll. Skin layout and painting are not included (they cost the same
 * for any row count: the table is virtualised with a fixed cell size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SideBySideTableBenchmark {

    static final int ROWS = 1_000_000;
    static final int PER_PULSE = 10_000;
    static final int PARTITIONS = 12;
    static final int PAGE = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT);
    private static final String[] KEYS = new String[997];
    private static final RecordPreview PREVIEW = new RecordPreview("{\"order\":1,\"region\":\"europe\"}", "");

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = "order-" + i;
        }
    }

    @Param({"none", "problems"})
    public String filter;

    /** "filtered": the table shows the filtered list (no sort order); "sorted": a SortedList by delay over it. */
    @Param({"filtered", "sorted"})
    public String chain;

    PairTableModel model;
    FilteredList<PairItem> filtered;
    SortedList<PairItem> sortedList;
    javafx.collections.ObservableList<PairItem> sorted;
    /** Sequence number of the next new source record. */
    long next;
    MatchSnapshot snapshot;
    int page;

    @Setup(Level.Trial)
    public void fill() {
        model = new PairTableModel(ROWS + ROWS / 10);
        filtered = new FilteredList<>(model);
        // as the view (PairColumns): a SortedList hangs on the chain only while the user sorts, behind a gate
        sortedList = chain.equals("sorted") ? new SortedList<>(filtered) : null;
        sorted = filtered;
        if (filter.equals("problems")) {
            filtered.setPredicate(r -> r.status().problem());
        }
        next = 0;
        while (next < ROWS) {
            model.merge(snapshot(next - PER_PULSE, next + PER_PULSE), (p, o) -> PREVIEW);
            next += PER_PULSE;
        }
        if (chain.equals("sorted")) {
            // sorted once the rows are there, as when the user clicks a header: filling a million rows through a
            // sorted list costs O(rows) per inserted row
            sortedList.setComparator(java.util.Comparator.comparingLong(PairItem::delayMs));
            sorted = sortedList;
        }
    }

    @Setup(Level.Invocation)
    public void nextSnapshot() {
        snapshot = snapshot(next - PER_PULSE, next + PER_PULSE);
        next += PER_PULSE;
        page = (int) ((page + 7919L * PAGE) % Math.max(1, sorted.size() - PAGE));
    }

    /** Rows [from, to): those below {@code to - PER_PULSE} copied (every 1,000th copied twice), the rest pending. */
    static MatchSnapshot snapshot(long from, long to) {
        List<MatchSnapshot.PairRow> rows = new ArrayList<>((int) (to - from));
        for (long i = Math.max(0, from); i < to; i++) {
            int p = (int) (i % PARTITIONS);
            long offset = i / PARTITIONS;
            boolean copied = i < to - PER_PULSE;
            rows.add(copied
                    ? new MatchSnapshot.PairRow(p, offset, 1_767_225_600_000L + i, KEYS[(int) (i % KEYS.length)],
                            MatchSnapshot.PairState.MATCHED, p, offset, i % 1000 == 0 ? 2 : 1, 20 + i % 200,
                            DelayMethod.LIVE_OBSERVED)
                    : new MatchSnapshot.PairRow(p, offset, 1_767_225_600_000L + i, KEYS[(int) (i % KEYS.length)],
                            MatchSnapshot.PairState.PENDING, -1, -1, 0, -1, DelayMethod.UNKNOWN));
        }
        MatchSnapshot.Delay delay = new MatchSnapshot.Delay(DelayMethod.LIVE_OBSERVED, to, 100, 200, 219, Map.of(),
                List.of());
        return new MatchSnapshot(Pairing.ORDER, false, 0, to, to, to, 0, to / 1000, PER_PULSE, 0, 0, 0, 0, 0, 0, 0,
                delay, List.of(), List.of(), List.of(), false, rows);
    }

    @Benchmark
    public int pulse() {
        PairTableModel.Merge m = model.merge(snapshot, (p, o) -> PREVIEW);
        return m.added() + m.updated() + sorted.size();
    }

    @Benchmark
    public void scrollStep(Blackhole bh) {
        int end = Math.min(sorted.size(), page + PAGE);
        for (int i = page; i < end; i++) {
            PairItem r = sorted.get(i);
            bh.consume(Integer.toString(r.partition()));
            bh.consume(Long.toString(r.offset()));
            bh.consume(TIME.format(Instant.ofEpochMilli(r.timestamp()).atZone(ZoneOffset.UTC)));
            bh.consume(r.key());
            bh.consume(r.preview().value());
            bh.consume(r.targetOffsetsText());
            bh.consume(r.status().label());
            bh.consume(r.delayMs() < 0 ? "" : r.delayMs() + " ms");
        }
    }
}
