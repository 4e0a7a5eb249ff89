package io.mirrorscope.core.mirror;

import java.util.Arrays;

/**
 * A streaming histogram of non-negative millisecond delays with log buckets (as HdrHistogram does): values below
 * 128 are exact, above that each power of two is split into 64 sub-buckets, so a percentile is within 1.6 % of the
 * true value; the maximum is exact. Fixed size (about 4 KB), whatever the number of values.
 */
public final class DelayHistogram {

    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final int LINEAR = 2 * SUB;
    private static final int BUCKETS = LINEAR + (64 - SUB_BITS - 1) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long max = -1;

    /** Adds one delay; negative values (clock skew) count as 0. */
    public void record(long millis) {
        long v = Math.max(0, millis);
        counts[index(v)]++;
        count++;
        if (v > max) {
            max = v;
        }
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exp - SUB_BITS)) & (SUB - 1);
        return LINEAR + (exp - SUB_BITS - 1) * SUB + sub;
    }

    /** The highest value that falls in bucket {@code i}. */
    static long highest(int i) {
        if (i < LINEAR) {
            return i;
        }
        int exp = (i - LINEAR) / SUB + SUB_BITS + 1;
        int sub = (i - LINEAR) % SUB;
        long low = (1L << exp) | ((long) sub << (exp - SUB_BITS));
        return low + (1L << (exp - SUB_BITS)) - 1;
    }

    public long count() {
        return count;
    }

    /** The largest delay recorded, or -1 when none. */
    public long max() {
        return max;
    }

    /** The delay at quantile {@code q} (0..1), capped at the max; -1 when empty. */
    public long percentile(double q) {
        if (count == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highest(i), max);
            }
        }
        return max;
    }

    /** Bucket upper bounds and counts of the non-empty buckets, for a histogram chart: {@code {bound, count}}. */
    public long[][] buckets() {
        return java.util.stream.IntStream.range(0, BUCKETS).filter(i -> counts[i] > 0)
                .mapToObj(i -> new long[] {highest(i), counts[i]}).toArray(long[][]::new);
    }

    /** A copy, for snapshots. */
    public DelayHistogram copy() {
        DelayHistogram c = new DelayHistogram();
        System.arraycopy(counts, 0, c.counts, 0, BUCKETS);
        c.count = count;
        c.max = max;
        return c;
    }

    @Override
    public String toString() {
        return "DelayHistogram[count=" + count + ", max=" + max + ", nonEmpty="
                + Arrays.stream(counts).filter(c -> c > 0).count() + "]";
    }
}
