package io.mirrorscope.core.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import io.mirrorscope.core.records.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fingerprint: MurmurHash3 x64 128 as published, and what it covers and leaves out. */
class RecordFingerprintTest {

    @Test
    void murmur3MatchesAnIndependentImplementationForEveryLengthAndSplit() {
        Random rnd = new Random(1);
        Murmur3 streaming = new Murmur3();
        long[] out = new long[2];
        for (int len = 0; len < 300; len++) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            long seed = rnd.nextInt() & 0xffffffffL;
            HashValue128 want = Hashing.murmur3_128((int) seed).hashBytesTo128Bits(data);
            long[] oneShot = Murmur3.hash128(data, seed);
            assertThat(oneShot[0]).as("h1 of %d bytes", len).isEqualTo(want.getLeastSignificantBits());
            assertThat(oneShot[1]).as("h2 of %d bytes", len).isEqualTo(want.getMostSignificantBits());
            // the same bytes fed in pieces, through every path (single bytes, ints, arrays)
            int split = len == 0 ? 0 : rnd.nextInt(len + 1);
            streaming.reset(seed).putBytes(data, 0, split);
            for (int i = split; i < len; i++) {
                streaming.putByte(data[i]);
            }
            streaming.finish(out);
            assertThat(out).containsExactly(oneShot);
        }
    }

    private static RawRecord record(long ts, String key, String value, RawRecord.Header... headers) {
        return new RawRecord(0, 7, ts, "CreateTime", key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), List.of(headers));
    }

    private static RawRecord.Header header(String name, String value) {
        return new RawRecord.Header(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void traceHeadersARewritingMirrorChangesAreLeftOut() {
        RecordFingerprint f = new RecordFingerprint();
        RecordSummary original = f.summarize(record(1, "k", "v", header("app", "1"),
                header("traceparent", "00-aaaa-01"), header("uber-trace-id", "a:b:0:1")), -1);
        RecordSummary copy = f.summarize(record(1, "k", "v", header("traceparent", "00-bbbb-01"),
                header("app", "1"), header("X-B3-TraceId", "c"), header("b3", "x"), header("tracestate", "s")), -1);
        assertThat(copy.sameContent(original)).isTrue();
        assertThat(RecordFingerprint.isTraceHeader("x-b3-spanid")).isTrue();
        assertThat(RecordFingerprint.isTraceHeader("traceparent-copy")).isFalse();
    }

    @Test
    void keyValueOtherHeadersAndTimestampAllCount() {
        RecordFingerprint f = new RecordFingerprint();
        RecordSummary base = f.summarize(record(1, "k", "v", header("app", "1")), -1);
        assertThat(f.summarize(record(2, "k", "v", header("app", "1")), -1).sameContent(base)).isFalse();
        assertThat(f.summarize(record(1, "k2", "v", header("app", "1")), -1).sameContent(base)).isFalse();
        assertThat(f.summarize(record(1, "k", "v2", header("app", "1")), -1).sameContent(base)).isFalse();
        assertThat(f.summarize(record(1, "k", "v", header("app", "2")), -1).sameContent(base)).isFalse();
        assertThat(f.summarize(record(1, "k", "v"), -1).sameContent(base)).isFalse();
        // bytes moved between key and value, null against empty
        assertThat(f.summarize(record(1, "kv", ""), -1).sameContent(f.summarize(record(1, "k", "v"), -1))).isFalse();
        assertThat(f.summarize(record(1, null, "v"), -1).sameContent(f.summarize(record(1, "", "v"), -1))).isFalse();
        assertThat(f.summarize(record(1, "k", "v", header("app", "1")), -1).sameContent(base)).isTrue();
    }

    @Test
    void keyHashPreviewAndSourceCoordinateHeaders() {
        RecordFingerprint f = new RecordFingerprint("src-partition", "src-offset");
        RecordSummary s = f.summarize(record(1, "order-42", "v", header("src-partition", "3"),
                header("src-offset", "1234")), 99);
        assertThat(s.keyPreview()).isEqualTo("order-42");
        assertThat(s.keyHash()).isNotZero().isEqualTo(f.summarize(record(5, "order-42", "x"), -1).keyHash());
        assertThat(s.sourcePartition()).isEqualTo(3);
        assertThat(s.sourceOffset()).isEqualTo(1234);
        assertThat(s.observedAt()).isEqualTo(99);
        assertThat(f.summarize(record(1, null, "v"), -1).keyHash()).isZero();
        RecordSummary binary = new RecordFingerprint().summarize(new RawRecord(0, 0, 0, "LogAppendTime",
                new byte[] {0, 1, (byte) 0xff}, null, List.of()), -1);
        assertThat(binary.keyPreview()).isEqualTo("0x0001ff");
        assertThat(binary.logAppendTime()).isTrue();
        assertThat(RecordFingerprint.preview("x".repeat(100).getBytes(StandardCharsets.UTF_8))).hasSize(32)
                .endsWith("…");
        assertThat(RecordFingerprint.number(new byte[] {0, 0, 1, 0})).isEqualTo(256);
    }
}
