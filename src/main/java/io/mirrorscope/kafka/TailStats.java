package io.mirrorscope.kafka;

import io.mirrorscope.core.records.RawRecord;
import java.util.List;

/**
 * What a tail has taken in: totals and the rate over the last second, readable from any thread (the UI shows the
 * rate next to the limit).
 */
public final class TailStats {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long records;
    private long bytes;
    private long windowStart = System.nanoTime();
    private long windowRecords;
    private double lastRate;
    private volatile TailHealth health;

    synchronized void add(List<RawRecord> batch) {
        records += batch.size();
        for (RawRecord r : batch) {
            bytes += r.sizeInBytes();
        }
        roll(System.nanoTime());
        windowRecords += batch.size();
    }

    private void roll(long now) {
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            lastRate = windowRecords * 1e9 / elapsed;
            windowRecords = 0;
            windowStart = now;
        }
    }

    void health(TailHealth h) {
        health = h;
    }

    /** The latest change of the brokers' answering state, or null while it never changed (they answer). */
    public TailHealth health() {
        return health;
    }

    public synchronized long records() {
        return records;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** Records per second over the last full window (about a second); 0 when idle for longer. */
    public synchronized double recordsPerSecond() {
        long now = System.nanoTime();
        if (now - windowStart >= 2 * WINDOW_NANOS) {
            return 0;
        }
        roll(now);
        return lastRate;
    }
}
