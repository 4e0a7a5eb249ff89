package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.records.RawRecord;

/**
 * A small mirror with every kind of row: 3 partitions × 40 records; P1 offset 35 dropped (missing: the target went
 * on with offset 36), P2 offset 36 copied twice (a duplicate), P0 offsets 37-39 not copied yet (pending: nothing
 * later arrived and the grace period has not passed). Delays grow with the offset: 20 ms + 3 ms × offset.
 */
public final class SideBySideScenario {

    static final int PARTITIONS = 3;
    static final int PER_PARTITION = 40;

    private SideBySideScenario() {
    }

    public static FakeCompareFeed mirror() {
        FakeCompareFeed feed = new FakeCompareFeed(PARTITIONS);
        long[] targetOffset = new long[PARTITIONS];
        for (int i = 0; i < PER_PARTITION; i++) {
            feed.advanceTo(FakeCompareFeed.T0 + i * 250L);
            for (int p = 0; p < PARTITIONS; p++) {
                long ts = FakeCompareFeed.T0 + i * 250L + p * 7L;
                String region = p == 1 ? "us" : "europe";
                RawRecord s = FakeCompareFeed.record(p, i, ts, "order-" + (p * 100 + i),
                        "{\"order\":" + (p * 100 + i) + ",\"region\":\"" + region + "\",\"amount\":" + (i * 3 + 1)
                                + "}", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e47" + p + i + "-01",
                        "tenant", p == 2 ? "acme" : "globex");
                feed.source(s);
                if (p == 1 && i == 35 || p == 0 && i >= 37) {
                    continue;
                }
                int copies = p == 2 && i == 36 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    feed.copy(copyOf(s, p, targetOffset[p]++), 20 + 3L * i + c * 400);
                }
            }
        }
        feed.advanceTo(FakeCompareFeed.T0 + PER_PARTITION * 250L + 1_000);
        feed.publish();
        return feed;
    }

    /** The copy as a traced MM2 writes it: same content, its own offset, a rewritten traceparent. */
    static RawRecord copyOf(RawRecord s, int partition, long offset) {
        java.util.List<RawRecord.Header> headers = new java.util.ArrayList<>();
        for (RawRecord.Header h : s.headers()) {
            headers.add(h.name().equals("traceparent")
                    ? new RawRecord.Header("traceparent", "00-mirror-span-01".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8))
                    : h);
        }
        return new RawRecord(partition, offset, s.timestamp(), s.timestampType(), s.key(), s.value(), headers);
    }
}
