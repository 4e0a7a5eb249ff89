package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.RecordFingerprint;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.records.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A compare feed with no Kafka: the test hands it source records and copies, it feeds a real {@link RecordMatcher}
 * through the real {@link RecordFingerprint} and publishes a snapshot when asked, as the Kafka feed does per pulse.
 */
public final class FakeCompareFeed implements CompareFeed {

    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private final RecordFingerprint fingerprints = new RecordFingerprint();
    private final List<Integer> partitions;
    private final Map<Long, RawRecord> sources = new HashMap<>();
    private final Map<Long, RawRecord> targets = new HashMap<>();
    private RecordMatcher matcher;
    private volatile MatchSnapshot snapshot;
    private long now = T0;
    final List<String> calls = new ArrayList<>();
    boolean live = true;

    FakeCompareFeed(int partitions) {
        List<Integer> ps = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            ps.add(i);
        }
        this.partitions = List.copyOf(ps);
        this.matcher = new RecordMatcher(MatcherConfig.defaults().withGraceMillis(5_000), null, now);
    }

    static RawRecord record(int partition, long offset, long timestamp, String key, String value,
            String... headerPairs) {
        List<RawRecord.Header> headers = new ArrayList<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.add(new RawRecord.Header(headerPairs[i], headerPairs[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return new RawRecord(partition, offset, timestamp, "CreateTime",
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A source record read live at its timestamp. */
    void source(RawRecord r) {
        sources.put(id(r.partition(), r.offset()), r);
        matcher.addSource(fingerprints.summarize(r, r.timestamp()));
    }

    /** A copy read live {@code delayMs} after its source's timestamp. */
    void copy(RawRecord r, long delayMs) {
        targets.put(id(r.partition(), r.offset()), r);
        matcher.addTarget(fingerprints.summarize(r, r.timestamp() + delayMs));
    }

    /** Moves the matcher's clock. */
    void advanceTo(long millis) {
        now = millis;
        matcher.advance(millis);
    }

    /** Takes a snapshot as the Kafka feed does once per pulse. */
    MatchSnapshot publish() {
        snapshot = matcher.snapshot(100_000);
        return snapshot;
    }

    private static long id(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }

    @Override
    public Sides sides() {
        return new Sides("europe-kafka:9092", "orders", "us-kafka:9092", "europe.orders", "MM2 default policy");
    }

    @Override
    public List<Integer> partitions() {
        return partitions;
    }

    @Override
    public void start(long fromMillis, Set<Integer> chosen) {
        calls.add("start " + fromMillis + " " + chosen);
    }

    @Override
    public void pause() {
        calls.add("pause");
    }

    @Override
    public void resume() {
        calls.add("resume");
    }

    @Override
    public void seek(long fromMillis, Set<Integer> chosen) {
        calls.add("seek " + fromMillis + " " + chosen);
        matcher = new RecordMatcher(MatcherConfig.defaults().withGraceMillis(5_000), null, now);
        snapshot = null;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public MatchSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public RecordPreview preview(int partition, long offset) {
        RawRecord r = sources.get(id(partition, offset));
        if (r == null) {
            return RecordPreview.NONE;
        }
        StringBuilder headers = new StringBuilder();
        for (RawRecord.Header h : r.headers()) {
            headers.append(headers.isEmpty() ? "" : " ").append(h.name()).append('=')
                    .append(new String(h.value(), StandardCharsets.UTF_8));
        }
        return new RecordPreview(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8),
                headers.toString());
    }

    @Override
    public void fetch(int partition, long offset, int targetPartition, long targetOffset, Consumer<Pair> done,
            Consumer<Exception> failed) {
        RawRecord s = sources.get(id(partition, offset));
        if (s == null) {
            failed.accept(new IllegalStateException("no record " + partition + "/" + offset));
            return;
        }
        done.accept(new Pair(s, Optional.ofNullable(targetPartition < 0 ? null
                : targets.get(id(targetPartition, targetOffset)))));
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
