package io.mirrorscope.bench;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.mirror.RecordSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.SplittableRandom;

/**
 * Run in its own JVM by {@link MatcherBenchmarkTest} with {@code -Xmx512m}: 10,000,000 source records over 12
 * partitions and their copies (0.1 % dropped, 0.1 % copied twice), made on the fly and fed as a feed does, through the
 * default window. Prints the counts and the peak heap of every pool (what the matcher needs; a CLI run adds its two
 * consumers' fetch buffers, a few MB with the default fetch sizes).
 */
public final class MatcherHeapCheck {

    private MatcherHeapCheck() {
    }

    public static void main(String[] args) {
        int records = Integer.parseInt(args[0]);
        int partitions = 12;
        SplittableRandom rnd = new SplittableRandom(5);
        RecordMatcher m = new RecordMatcher(MatcherConfig.defaults(), null, 0);
        long[] sourceOffset = new long[partitions];
        long[] targetOffset = new long[partitions];
        RecordSummary[] batch = new RecordSummary[1000];
        int n = 0;
        for (int i = 0; i < records; i++) {
            int p = i % partitions;
            RecordSummary s = new RecordSummary(p, sourceOffset[p]++, i / 10, false, rnd.nextLong(), "key-" + i % 997,
                    rnd.nextLong(), rnd.nextLong(), -1, -1, -1);
            m.addSource(s);
            double r = rnd.nextDouble();
            if (r >= 0.001) {
                int copies = r < 0.002 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    batch[n++] = new RecordSummary(p, targetOffset[p]++, s.timestamp(), false, s.keyHash(),
                            s.keyPreview(), s.fingerprintHi(), s.fingerprintLo(), -1, -1, -1);
                    if (n == batch.length) {
                        for (int k = 0; k < n; k++) {
                            m.addTarget(batch[k]);
                        }
                        n = 0;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            m.addTarget(batch[k]);
        }
        m.finish(0);
        MatchSnapshot s = m.snapshot(0);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("records=%d matched=%d missing=%d duplicates=%d pending=%d findings=%d peakHeapBytes=%d%n",
                records, s.matched(), s.missing(), s.duplicates(), s.pending(),
                s.missingRecords().size() + s.duplicateRecords().size(), peak);
    }
}
