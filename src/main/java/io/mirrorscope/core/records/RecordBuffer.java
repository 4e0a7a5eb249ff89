package io.mirrorscope.core.records;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-off between a consumer thread and whoever shows the records: bounded by count and by bytes, dropping
 * the oldest when full (a tail must never stall the consumer or grow without limit). Thread-safe; the reader
 * drains in batches ({@link #drain()}), once per UI pulse, never one hand-off per record.
 */
public final class RecordBuffer {

    private final int maxRecords;
    private final long maxBytes;
    private final ArrayDeque<RawRecord> queue = new ArrayDeque<>();
    private long bytes;
    private long added;
    private long dropped;

    public RecordBuffer(int maxRecords, long maxBytes) {
        if (maxRecords <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /** Adds records, dropping the oldest beyond the limits. */
    public synchronized void addAll(List<RawRecord> records) {
        for (RawRecord r : records) {
            queue.addLast(r);
            bytes += r.sizeInBytes();
            added++;
        }
        while (queue.size() > maxRecords || (bytes > maxBytes && queue.size() > 1)) {
            bytes -= queue.removeFirst().sizeInBytes();
            dropped++;
        }
    }

    /** Takes everything buffered, oldest first. */
    public synchronized List<RawRecord> drain() {
        List<RawRecord> out = new ArrayList<>(queue);
        queue.clear();
        bytes = 0;
        return out;
    }

    public synchronized int size() {
        return queue.size();
    }

    /** Records ever added. */
    public synchronized long added() {
        return added;
    }

    /** Records dropped because the reader was slower than the limits allow. */
    public synchronized long dropped() {
        return dropped;
    }
}
