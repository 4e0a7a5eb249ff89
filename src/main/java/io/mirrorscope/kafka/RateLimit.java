package io.mirrorscope.kafka;

/**
 * An adjustable ceiling on how many records per second a tail takes in, so a browser left open during an incident
 * does not hammer the brokers. Plain object, thread-safe: the UI sets it, the consumer thread obeys it on its next
 * batch. Zero means no limit.
 */
public final class RateLimit {

    private volatile double recordsPerSecond;
    private long nextFreeNanos;

    public RateLimit(double recordsPerSecond) {
        setRecordsPerSecond(recordsPerSecond);
    }

    /** No limit. */
    public static RateLimit unlimited() {
        return new RateLimit(0);
    }

    public double getRecordsPerSecond() {
        return recordsPerSecond;
    }

    public void setRecordsPerSecond(double value) {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("rate must be >= 0: " + value);
        }
        this.recordsPerSecond = value;
    }

    /**
     * Accounts for {@code records} just taken and returns how long to wait (nanoseconds) before taking more.
     * Called by one consumer thread.
     */
    synchronized long reserve(int records, long nowNanos) {
        double rate = recordsPerSecond;
        if (rate <= 0) {
            nextFreeNanos = nowNanos;
            return 0;
        }
        long start = Math.max(nextFreeNanos, nowNanos);
        nextFreeNanos = start + (long) (records * 1_000_000_000d / rate);
        return Math.max(0, nextFreeNanos - nowNanos);
    }
}
