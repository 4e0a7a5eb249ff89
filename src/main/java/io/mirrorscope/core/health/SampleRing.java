package io.mirrorscope.core.health;

/**
 * The last few samples of (time, source end, target end), oldest dropped first; primitive arrays because a link
 * set of 60,000 partitions keeps one ring each.
 */
final class SampleRing {

    private final long[] times;
    private final long[] sources;
    private final long[] targets;
    private int head;
    private int size;

    SampleRing(int capacity) {
        times = new long[capacity];
        sources = new long[capacity];
        targets = new long[capacity];
    }

    void add(long time, long source, long target) {
        int at = (head + size) % times.length;
        if (size == times.length) {
            head = (head + 1) % times.length;
            at = (head + size - 1) % times.length;
        } else {
            size++;
        }
        times[at] = time;
        sources[at] = source;
        targets[at] = target;
    }

    int size() {
        return size;
    }

    private int index(int i) {
        return (head + i) % times.length;
    }

    /** Time of sample {@code i}, 0 the oldest kept. */
    long time(int i) {
        return times[index(i)];
    }

    long source(int i) {
        return sources[index(i)];
    }

    long target(int i) {
        return targets[index(i)];
    }

    long gap(int i) {
        return source(i) - target(i);
    }

    /** Index of the first sample of the last {@code n} (0 when fewer are kept). */
    int windowStart(int n) {
        return Math.max(0, size - n);
    }

    /** Source records/s over the last {@code n} samples; null with fewer than two or no time between them. */
    Double sourceRate(int n) {
        return rate(n, true);
    }

    Double targetRate(int n) {
        return rate(n, false);
    }

    private Double rate(int n, boolean source) {
        if (size < 2) {
            return null;
        }
        int first = windowStart(n);
        int last = size - 1;
        long dt = time(last) - time(first);
        if (dt <= 0) {
            return null;
        }
        long d = source ? source(last) - source(first) : target(last) - target(first);
        return Math.max(0, d) * 1000.0 / dt;
    }
}
